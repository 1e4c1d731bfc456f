using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Tests.Stats;

/// <summary>
/// Statistics recounted straight from the cases' own views, written independently of the projection (no buckets,
/// no facts): filter the cases and summonses of a scope, keep the moments inside the period, count.
/// </summary>
internal static class StatsRecount
{
    public static StatsView Of(IReadOnlyList<CaseView> cases, CityModel city, string scope, StatsPeriod period, LocalDate first, LocalDate last)
    {
        var from = first.AtStartOfDayInZone(ChinaTime.Zone).ToInstant();
        var to = last.PlusDays(1).AtStartOfDayInZone(ChinaTime.Zone).ToInstant();
        bool In(Instant t) => from <= t && t < to;

        var isDepartment = city.TryGetDepartment(scope, out _);
        var level = isDepartment ? (CenterLevel?)null : city.GetCenter(scope).Level;
        bool CaseIn(CaseView c) => level switch
        {
            null => c.Summonses.Any(s => s.DepartmentId == scope),
            CenterLevel.Township => c.TownshipId == scope,
            CenterLevel.County => city.Parent(c.TownshipId)!.Id == scope,
            _ => true,
        };
        bool SummonsIn(CaseView c, SummonsView s) => isDepartment ? s.DepartmentId == scope : CaseIn(c);

        var mine = cases.Where(CaseIn).ToList();
        Instant? Last(CaseView c, string kind) => c.Timeline.LastOrDefault(t => t.Kind == kind)?.At;

        var accepted = mine.Where(c => In(c.CreatedAt)).ToList();
        var completed = accepted.Count(c => c.Timeline.Any(t => t.Kind == "resolved"));
        var resolved = mine.Count(c => Last(c, "resolved") is { } at && In(at));
        var closed = mine.Count(c => Last(c, "closed") is { } at && In(at));
        // A department answers for its own summonses that escalated (at the deadline each missed); a center for every
        // escalation of its cases.
        var escalations = isDepartment
            ? cases.Sum(c => c.Summonses.Count(s => s.DepartmentId == scope && s.State == SummonsState.Escalated
                && In(s.AckedAt is null ? s.AckDueAt : s.ArriveDueAt)))
            : mine.Sum(c => c.Timeline.Count(t => t.Kind == "escalated" && In(t.At)));
        var followUps = mine.Where(c => Last(c, "followedUp") is { } at && In(at)).Select(c => c.Satisfaction!.Value).ToList();
        var summonses = cases.SelectMany(c => c.Summonses.Where(s => SummonsIn(c, s) && In(s.IssuedAt))).ToList();
        var acked = summonses.Where(s => s.AckedAt is not null).ToList();
        var onTime = acked.Count(s => s.AckedAt <= s.AckDueAt);

        return new StatsView(scope, period, first, last,
            accepted.Count, resolved, closed, Ratio(completed, accepted.Count),
            summonses.Count, onTime, Ratio(onTime, summonses.Count),
            Median(acked.Select(s => s.AckedAt!.Value - s.IssuedAt)),
            Median(summonses.Where(s => s.ArrivedAt is not null).Select(s => s.ArrivedAt!.Value - s.IssuedAt)),
            escalations, followUps.Count,
            followUps.Count == 0 ? null : followUps.Sum() / (double)followUps.Count,
            Ratio(followUps.Count(s => s >= 4), followUps.Count))
        {
            Repeats = accepted.Count(c => c.RepeatOf is not null),
            RepeatRate = Ratio(accepted.Count(c => c.RepeatOf is not null), accepted.Count),
        };
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : part / (double)whole;

    private static Duration? Median(IEnumerable<Duration> spans)
    {
        var sorted = spans.OrderBy(d => d.TotalTicks).ToList();
        if (sorted.Count == 0) return null;
        var half = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[half] : Duration.FromNanoseconds((sorted[half - 1].ToInt64Nanoseconds() + sorted[half].ToInt64Nanoseconds()) / 2);
    }
}
