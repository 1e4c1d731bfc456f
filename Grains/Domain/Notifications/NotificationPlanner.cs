using System.Text.Json;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Notifications;

/// <summary>
/// Turns what changed in a case since the last write into notification intents, by comparing the case with its
/// <see cref="NotificationCursor"/> (and moving the cursor on):
/// <list type="bullet">
/// <item>a new summons (whistled or by escalation): <c>summons.issued</c> to its department, a
/// <c>summons.deadlineApproaching</c> notice when the policy's lead of its acknowledgement time is left, and, by risk, a
/// <c>summons.reminder</c> series until it is acknowledged;</item>
/// <item>a summons leaving issued cancels its reminders and notice; an acknowledged one gets an arrival notice, cancelled
/// when it leaves acknowledged;</item>
/// <item>an escalated summons: <c>summons.escalated</c> to its department and the higher center;</item>
/// <item>a leader taking the case: <c>case.leaderTook</c> to the duty leader and the county; a supervision note:
/// <c>case.supervised</c> to the departments with open summonses and the case's center.</item>
/// </list>
/// </summary>
public static class NotificationPlanner
{
    private static readonly LocalDateTimePattern LocalTime = LocalDateTimePattern.CreateWithInvariantCulture("MM-dd HH:mm");

    /// <summary>A cursor that has seen the case as it is (a case from before notifications existed announces nothing old).</summary>
    public static NotificationCursor CursorOf(CaseRecord record) => new()
    {
        Summonses = record.Summonses.ToDictionary(s => s.Id, s => s.State, StringComparer.Ordinal),
        Timeline = record.Timeline.Count,
    };

    public static IReadOnlyList<NotificationIntent> Plan(CaseRecord record, NotificationCursor cursor, CityModel city)
    {
        var policy = city.Notifications;
        var intents = new List<NotificationIntent>();
        foreach (var s in record.Summonses)
        {
            var known = cursor.Summonses.TryGetValue(s.Id, out var before);
            if (!known)
            {
                Issued(record, s, city, policy, intents);
                before = SummonsState.Issued;
            }
            if (before == SummonsState.Issued && s.State != SummonsState.Issued)
            {
                intents.Add(NotificationIntent.Cancellation(record.Id, s.Id, "ack", s.AckedAt ?? s.IssuedAt));
                if (s.State == SummonsState.Acknowledged && s.AckedAt is { } acked
                    && policy.ApproachingAt(acked, s.ArriveDueAt) is { } arriveAt)
                {
                    intents.Add(SummonsIntent(record, s, city, "summons.deadlineApproaching", $"{s.Id}.arriveApproaching", acked, arriveAt,
                        $"到场时限将至：请{Name(city, s.DepartmentId)}于{Local(s.ArriveDueAt)}前到场", cancelKey: "arrive"));
                }
            }
            if (before == SummonsState.Acknowledged && s.State != SummonsState.Acknowledged)
                intents.Add(NotificationIntent.Cancellation(record.Id, s.Id, "arrive", s.ArrivedAt ?? s.AckedAt ?? s.IssuedAt));
            if (s.State == SummonsState.Escalated && before != SummonsState.Escalated)
                Escalated(record, s, city, intents);
            cursor.Summonses[s.Id] = s.State;
        }
        for (var i = cursor.Timeline; i < record.Timeline.Count; i++)
        {
            var entry = record.Timeline[i];
            if (entry.Kind == "leaderTookCase" && record.Leader is { } leader)
            {
                var county = city.CountyOf(record.TownshipId)?.Id ?? record.CenterId;
                intents.Add(CaseIntent(record, "case.leaderTook", $"{record.Id}.leaderTook.{i}", entry,
                    [NotificationIntent.LeaderPrefix + leader.Name, county], $"领导包案：{leader.Name}包案 {Short(record.Summary)}（{record.Id}）",
                    new { caseId = record.Id, leader, note = entry.Note }));
            }
            else if (entry.Kind == "supervised")
            {
                var recipients = record.Summonses.Where(s => s.IsOpen).Select(s => s.DepartmentId).Append(record.CenterId)
                    .Distinct(StringComparer.Ordinal).ToList();
                intents.Add(CaseIntent(record, "case.supervised", $"{record.Id}.supervised.{i}", entry, recipients,
                    $"督办：{Short(entry.Note ?? "")} — {Short(record.Summary)}（{record.Id}）",
                    new { caseId = record.Id, note = entry.Note, by = entry.Actor, at = entry.At }));
            }
        }
        cursor.Timeline = record.Timeline.Count;
        return intents;
    }

    private static void Issued(CaseRecord record, SummonsRecord s, CityModel city, NotificationPolicy policy, List<NotificationIntent> intents)
    {
        var name = Name(city, s.DepartmentId);
        var what = s.EscalationLevel > 0 ? "升级哨令" : "哨令";
        intents.Add(SummonsIntent(record, s, city, "summons.issued", $"{s.Id}.issued", s.IssuedAt, s.IssuedAt,
            $"{what}：请{name}于{Local(s.AckDueAt)}前签收 {Short(record.Summary)}"));
        if (policy.ApproachingAt(s.IssuedAt, s.AckDueAt) is { } at)
        {
            intents.Add(SummonsIntent(record, s, city, "summons.deadlineApproaching", $"{s.Id}.ackApproaching", s.IssuedAt, at,
                $"签收时限将至：请{name}于{Local(s.AckDueAt)}前签收 {Short(record.Summary)}", cancelKey: "ack"));
        }
        if (policy.ReminderPeriod(s.Risk) is { } every && s.IssuedAt + every < s.AckDueAt)
        {
            intents.Add(SummonsIntent(record, s, city, "summons.reminder", $"{s.Id}.reminder", s.IssuedAt, s.IssuedAt + every,
                $"再次提醒{what}未签收：请{name}于{Local(s.AckDueAt)}前签收 {Short(record.Summary)}", cancelKey: "ack", repeatEvery: every));
        }
    }

    private static void Escalated(CaseRecord record, SummonsRecord s, CityModel city, List<NotificationIntent> intents)
    {
        var next = s.EscalatedTo is { } to ? record.Summonses.FirstOrDefault(n => n.Id == to) : null;
        var higher = next is not null && city.TryGetDepartment(next.DepartmentId, out var parent)
            ? parent.CenterId
            : city.CountyOf(record.TownshipId)?.Id ?? record.CenterId;
        var at = next?.IssuedAt ?? record.Timeline.LastOrDefault()?.At ?? s.IssuedAt;
        intents.Add(new NotificationIntent($"{s.Id}.escalated", "summons.escalated", record.Id, s.Id,
            new[] { s.DepartmentId, higher }.Distinct(StringComparer.Ordinal).ToList(), at, at, Json(s.ToView(record.Id)),
            $"哨令已升级：{Name(city, s.DepartmentId)}未按时响应 {s.Id}，已报{Name(city, higher)} {Short(record.Summary)}",
            TownshipId: record.TownshipId));
    }

    private static NotificationIntent SummonsIntent(CaseRecord record, SummonsRecord s, CityModel city, string type, string eventId,
        Instant occurredAt, Instant dueAt, string text, string? cancelKey = null, Duration? repeatEvery = null) =>
        new(eventId, type, record.Id, s.Id, [s.DepartmentId], occurredAt, dueAt, Json(s.ToView(record.Id)), text, repeatEvery, cancelKey, TownshipId: record.TownshipId);

    private static NotificationIntent CaseIntent(CaseRecord record, string type, string eventId, TimelineEntry entry,
        IReadOnlyList<string> recipients, string text, object data) =>
        new(eventId, type, record.Id, null, recipients, entry.At, entry.At, Json(data), text, TownshipId: record.TownshipId);

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), DispatchJson.Default);

    private static string Name(CityModel city, string id) =>
        city.TryGetDepartment(id, out var d) ? d.Name : city.TryGetCenter(id, out var c) ? c.Name : id;

    private static string Local(Instant at) => LocalTime.Format(at.InZone(ChinaTime.Zone).LocalDateTime);

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
