using NodaTime;

namespace Dispatch.Dashboard.Services;

/// <summary>
/// One delivery of a notification as the case page lists it: what (<see cref="Type"/>, e.g. <c>summons.issued</c>), to
/// whom (<see cref="Recipient"/>: a department or county id), how (<see cref="Channel"/>: webhook, sms, email) and
/// whether it arrived (<see cref="State"/>: pending, delivered, failed, cancelled).
/// </summary>
public sealed record NotificationLine(string Type, string Recipient, string Channel, string State, int Attempts, string? LastError,
    Instant OccurredAt, Instant? DeliveredAt);
