using NodaTime;
using Orleans;

namespace Dispatch.Grains.Domain.Notifications;

/// <summary>
/// A notification a case decided, kept in its outbox (written with the change that caused it) until the notification
/// queue has stored it. <see cref="EventId"/> is deterministic, so deciding or enqueueing twice stores it once.
/// A <see cref="Cancel"/> intent stops what is still pending under (<see cref="SummonsId"/>, <see cref="CancelKey"/>):
/// the reminders and the approaching-deadline notice of a summons that was acknowledged, declined, escalated or cancelled.
/// </summary>
/// <param name="EventId">The event's id: the same on every retry and for every recipient.</param>
/// <param name="Type"><c>summons.issued</c>, <c>summons.reminder</c>, <c>summons.deadlineApproaching</c>, <c>summons.escalated</c>, <c>case.leaderTook</c>, <c>case.supervised</c>.</param>
/// <param name="Recipients">Department or center ids, or <c>leader:&lt;name&gt;</c> for a duty leader.</param>
/// <param name="DueAt">When it is to go out (later than <paramref name="OccurredAt"/> for a deadline notice or a reminder).</param>
/// <param name="Data">The API's own payload of the event, as JSON.</param>
/// <param name="Text">One line in Chinese for SMS and e-mail.</param>
/// <param name="RepeatEvery">For a reminder: it repeats this often until cancelled.</param>
/// <param name="TownshipId">The case's township (who may list the deliveries).</param>
/// <param name="CancelKey">What cancels it: <c>ack</c> (the summons leaves issued) or <c>arrive</c> (it leaves acknowledged).</param>
[GenerateSerializer, Alias("dispatch.NotificationIntent")]
public sealed record NotificationIntent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] string CaseId,
    [property: Id(3)] string? SummonsId,
    [property: Id(4)] IReadOnlyList<string> Recipients,
    [property: Id(5)] Instant OccurredAt,
    [property: Id(6)] Instant DueAt,
    [property: Id(7)] string Data,
    [property: Id(8)] string Text,
    [property: Id(9)] Duration? RepeatEvery = null,
    [property: Id(10)] string? CancelKey = null,
    [property: Id(11)] bool Cancel = false,
    [property: Id(12)] string? TownshipId = null)
{
    /// <summary>The recipient prefix of a duty leader.</summary>
    public const string LeaderPrefix = "leader:";

    public static NotificationIntent Cancellation(string caseId, string summonsId, string key, Instant at) =>
        new($"{summonsId}.cancel.{key}", "cancel", caseId, summonsId, [], at, at, "{}", "", null, key, true);
}

/// <summary>What a case has already turned into notifications: each summons's state as last seen, and how much of the timeline.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.NotificationCursor")]
public sealed class NotificationCursor
{
    public Dictionary<string, Dispatch.Grains.Interfaces.Model.SummonsState> Summonses { get; set; } = new(StringComparer.Ordinal);

    public int Timeline { get; set; }
}
