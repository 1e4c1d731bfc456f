using System.Text;
using System.Text.Json;
using Dispatch.Grains.Domain.Notifications;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Silo.Notifications;

/// <summary>One row of the notification table: an event to one target, its attempts and state.</summary>
public sealed record NotificationDelivery(
    string DeliveryId,
    string EventId,
    string? Series,
    int Sequence,
    string Type,
    string CaseId,
    string? SummonsId,
    string? CountyId,
    string Recipient,
    NotificationChannel Channel,
    string Target,
    string Data,
    string Text,
    string State,
    Instant OccurredAt,
    Instant FirstDueAt,
    Instant NextAt,
    int Attempts,
    Instant? LastAttemptAt,
    string? LastError,
    Instant? DeliveredAt,
    string? CancelKey,
    Duration? RepeatEvery)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly string[] States = [Pending, Delivered, Failed, Cancelled];

    public static string IdOf(string eventId, string target) => $"{eventId}|{target}";

    /// <summary>The webhook body: <c>{ id, type, occurredAt, data }</c>, the same bytes on every try.</summary>
    public byte[] WebhookBody()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", EventId);
            json.WriteString("type", Type);
            json.WriteString("occurredAt", InstantPattern.ExtendedIso.Format(OccurredAt));
            json.WritePropertyName("data");
            json.WriteRawValue(Data, skipInputValidation: false);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The contact part of the target (phone, mailbox, or the endpoint's index).</summary>
    public string Address => Target[(Target.IndexOf(':') + 1)..];

    /// <summary>The next reminder of a series, due <see cref="RepeatEvery"/> after this one was due (or after now, when that has passed).</summary>
    public NotificationDelivery NextInSeries(Instant now)
    {
        var sequence = Sequence + 1;
        var eventId = $"{Series}.{sequence}";
        var due = FirstDueAt + RepeatEvery!.Value;
        if (due <= now) due = now + RepeatEvery.Value;
        return this with
        {
            DeliveryId = IdOf(eventId, Target), EventId = eventId, Sequence = sequence, State = Pending, NextAt = due, FirstDueAt = due,
            OccurredAt = due, Attempts = 0, LastAttemptAt = null, LastError = null, DeliveredAt = null,
        };
    }

    public static string Describe(Exception error)
    {
        var text = new StringBuilder(error.Message);
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException) text.Append(" — ").Append(inner.Message);
        return text.Length <= 500 ? text.ToString() : text.ToString(0, 500);
    }
}
