using Dispatch.Dashboard.Localization;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Extensions.Localization;

namespace Dispatch.Dashboard.Components;

/// <summary>
/// A timeline entry for people, in the page's language: who acted (role titles, center and department names) and what
/// happened, written from the entry's data (departments, summonses, centers, deadline as local time, reason and step).
/// Entries stored before the timeline was data have only an engine note; its ids are replaced by names.
/// </summary>
public sealed class TimelineText(IStringLocalizer<Strings> l, CityModel city)
{
    /// <summary>Who acted: 系统, a department's name, or a center with the role title (and the person's name when it says more).</summary>
    public string Who(TimelineEntry entry)
    {
        if (entry.ActorRole is not { } role)
            return WhoLegacy(entry.Actor);
        if (role == Actor.System)
            return l.Role(role);
        if (role == Actor.Department)
            return city.DepartmentName(entry.ActorScope);
        var title = l.RoleTitle(role);
        var place = role == Actor.GridWorker ? city.GridName(entry.ActorScope) : city.CenterName(entry.ActorScope);
        var where = entry.ActorScope is null ? title : $"{place} · {title}";
        var name = entry.ActorName;
        var saysMore = !string.IsNullOrWhiteSpace(name) && name != role
            && (entry.ActorScope is null || !name.StartsWith(place, StringComparison.Ordinal));
        return saysMore ? $"{where} {name}" : where;
    }

    /// <summary>What happened, from the entry's data; null when there is nothing to add to the kind.</summary>
    public string? What(TimelineEntry entry)
    {
        if (entry.ActorRole is null)
            return string.IsNullOrWhiteSpace(entry.Note) ? null : city.WithNames(entry.Note);
        return entry.Kind switch
        {
            "reported" when entry.Source is { } source => l["Tl_Reported", l.Of(source)],
            "triaged" when entry.Tier is { } tier && entry.Risk is { } risk =>
                string.Join(" · ", new[] { entry.Category is { } c ? l.Of(c) : null, l.Of(tier), l.Of(risk) }.Where(x => x is not null)),
            "whistled" => l["Tl_Whistled", Departments(entry.DepartmentIds)],
            "followedUp" when entry.Satisfaction is { } n => l["Tl_FollowedUp", n],
            "escalated" => Escalated(entry),
            "leaderTookCase" when entry.LeaderName is { } leader => Join(
                l["Tl_LeaderTook", city.CenterName(First(entry.CenterIds)), l.RoleTitle(entry.LeaderRole ?? Actor.DutyLeader), leader],
                Why(entry.Reason)),
            "leaderNeeded" => Join(l["Tl_LeaderNeeded", city.CenterName(First(entry.CenterIds))], Why(entry.Reason)),
            "triageOverdue" when entry.DueAt is { } due => l["Tl_TriageOverdue", Formats.Time(due)],
            "followUpOverdue" when entry.DueAt is { } due => l["Tl_FollowUpOverdue", Formats.Time(due)],
            "reopened" => Join(
                entry.Satisfaction is { } n ? l["Tl_ReopenedUnsatisfied", n].Value : l["Tl_ReopenedNotFixed"].Value,
                entry.DepartmentIds is { Count: > 0 } again ? l["Tl_SummonedAgain", Departments(again)].Value : null),
            _ => null,
        };
    }

    /// <summary>The text a person typed with the step (a reason, a note, an outcome), when there is one.</summary>
    public static string? Typed(TimelineEntry entry) =>
        entry.ActorRole is not null && !string.IsNullOrWhiteSpace(entry.Note) ? entry.Note : null;

    /// <summary>Why a leader took a case: the code's text, else what the leader typed (or, for cases stored before, the engine's words).</summary>
    public string LeaderReason(LeaderView leader) =>
        leader.ReasonCode is { } code ? Reason(code) : city.WithNames(leader.Reason);

    /// <summary>
    /// A summons' note for people: what the department typed; a summons cancelled with its case says so (stored
    /// summonses may still carry the engine's English "case resolved" / "case closed").
    /// </summary>
    public static string? SummonsNote(IStringLocalizer<Strings> l, SummonsView summons) =>
        summons.State == Grains.Interfaces.Model.SummonsState.Cancelled && summons.Note is null or "case resolved" or "case closed"
            ? l["Summons_CancelledWithCase"].Value
            : string.IsNullOrWhiteSpace(summons.Note) ? null : summons.Note;

    private string? Escalated(TimelineEntry entry)
    {
        var due = entry.DueAt is { } at ? Formats.Time(at) : "—";
        var departments = entry.DepartmentIds ?? [];
        var centers = entry.CenterIds ?? [];
        string? missed = entry.Reason switch
        {
            "ack" or "arrive" when departments.Count > 0 => l[$"Tl_Missed_{entry.Reason}", city.DepartmentName(departments[0]), due].Value,
            "tier" => l["Tl_TierMissed", due].Value,
            "triage" => l["Tl_TriageOverdue", due].Value,
            _ => null,
        };
        string? step = entry.Step switch
        {
            TimelineEntry.Summoned when departments.Count > 1 => l["Tl_Step_summoned", city.DepartmentName(departments[1])].Value,
            TimelineEntry.Joined when departments.Count > 1 => l["Tl_Step_joined", city.DepartmentName(departments[1])].Value,
            TimelineEntry.MovedUp when centers.Count > 1 => l["Tl_Step_movedUp", city.CenterName(centers[0]), city.CenterName(centers[1])].Value,
            TimelineEntry.LeaderTakes => l["Tl_Step_leaderTakes"].Value,
            TimelineEntry.WithLeader => l["Tl_Step_withLeader", entry.LeaderName ?? "—"].Value,
            _ => null,
        };
        return Join(missed, step);
    }

    private string Reason(string code) => l.Lookup($"Reason_{code}", code);

    private string? Why(string? code) => code is null ? null : l["Tl_Why", Reason(code)].Value;

    private string Departments(IReadOnlyList<string>? ids) =>
        string.Join(l["List_Separator"].Value, (ids ?? []).Select(city.DepartmentName));

    private string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + l["Sentence_Separator"].Value + second;

    private static string? First(IReadOnlyList<string>? ids) => ids is { Count: > 0 } ? ids[0] : null;

    /// <summary>An actor recorded as "role:scope" (or "role") only: the role and the name of its scope.</summary>
    private string WhoLegacy(string actor)
    {
        var parts = actor.Split(':', 2);
        var role = l.RoleTitle(parts[0]);
        if (parts.Length == 1)
            return role;
        return parts[0] == Actor.Department ? city.DepartmentName(parts[1]) : $"{city.CenterName(parts[1])} · {role}";
    }
}
