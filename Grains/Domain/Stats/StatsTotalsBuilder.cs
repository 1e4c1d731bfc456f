using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>A mutable accumulator of <see cref="StatsTotals"/>: add events or whole totals, then build.</summary>
internal sealed class StatsTotalsBuilder
{
    public int Accepted;
    public int AcceptedResolved;
    public int Resolved;
    public int Closed;
    public int Summoned;
    public int AckedOnTime;
    public readonly List<Duration> AckTimes = [];
    public readonly List<Duration> ArriveTimes = [];
    public int Escalations;
    public int FollowUps;
    public int SatisfactionSum;
    public int Satisfied;
    public int Reopened;
    public int Repeats;

    public void Add(StatsTotals t)
    {
        Accepted += t.Accepted;
        AcceptedResolved += t.AcceptedResolved;
        Resolved += t.Resolved;
        Closed += t.Closed;
        Summoned += t.Summoned;
        AckedOnTime += t.AckedOnTime;
        AckTimes.AddRange(t.AckTimes);
        ArriveTimes.AddRange(t.ArriveTimes);
        Escalations += t.Escalations;
        FollowUps += t.FollowUps;
        SatisfactionSum += t.SatisfactionSum;
        Satisfied += t.Satisfied;
        Reopened += t.Reopened;
        Repeats += t.Repeats;
    }

    public StatsTotals Build() => new(Accepted, AcceptedResolved, Resolved, Closed, Summoned, AckedOnTime, AckTimes.ToArray(),
        ArriveTimes.ToArray(), Escalations, FollowUps, SatisfactionSum, Satisfied) { Reopened = Reopened, Repeats = Repeats };
}
