using System.Text.Json.Serialization;
using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Stats;

/// <summary>
/// Additive statistics: the sums a <see cref="StatsView"/> is computed from. One case's contribution to one scope
/// and local day is a <see cref="StatsTotals"/>; so is a day bucket's sum and a period's. Counts add; duration lists
/// concatenate (medians need every value). Value equality compares the lists element by element.
/// </summary>
/// <param name="Accepted">Cases created.</param>
/// <param name="AcceptedResolved">Of the cases counted in <see cref="Accepted"/>, those resolved by now.</param>
/// <param name="Resolved">Cases resolved.</param>
/// <param name="Closed">Cases closed.</param>
/// <param name="Summoned">Summonses issued.</param>
/// <param name="AckedOnTime">Of those, acknowledged no later than their acknowledgement deadline.</param>
/// <param name="AckTimes">Acknowledgement time − issue time of those of them acknowledged.</param>
/// <param name="ArriveTimes">Arrival time − issue time of those of them arrived.</param>
/// <param name="Escalations">Escalations.</param>
/// <param name="FollowUps">Latest follow-up visits.</param>
/// <param name="SatisfactionSum">Sum of the satisfaction (1..5) of those follow-ups.</param>
/// <param name="Satisfied">Those follow-ups with satisfaction 4 or 5.</param>
[GenerateSerializer(IncludePrimaryConstructorParameters = false, GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("dispatch.StatsTotals")]
public sealed record StatsTotals(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Accepted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int AcceptedResolved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Resolved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Closed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Summoned,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int AckedOnTime,
    IReadOnlyList<Duration> AckTimes,
    IReadOnlyList<Duration> ArriveTimes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Escalations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int FollowUps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int SatisfactionSum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Satisfied)
{
    /// <summary>Nothing at all.</summary>
    public static StatsTotals Empty { get; } = new(0, 0, 0, 0, 0, 0, [], [], 0, 0, 0, 0);

    /// <summary>Never null: a stored row without the list reads as empty.</summary>
    public IReadOnlyList<Duration> AckTimes { get; init; } = AckTimes ?? [];

    /// <summary>Never null: a stored row without the list reads as empty.</summary>
    public IReadOnlyList<Duration> ArriveTimes { get; init; } = ArriveTimes ?? [];

    /// <summary>Reopenings: a resolved, closed or followed-up case reopened (not fixed, or an unsatisfied follow-up).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Reopened { get; init; }

    /// <summary>Repeat cases (重复件): accepted cases linked to an earlier case, on the day they were accepted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Repeats { get; init; }

    /// <summary>True when every count is 0 and both lists are empty.</summary>
    [JsonIgnore]
    public bool IsEmpty => Equals(Empty);

    public bool Equals(StatsTotals? other) =>
        other is not null
        && Accepted == other.Accepted && AcceptedResolved == other.AcceptedResolved && Resolved == other.Resolved
        && Closed == other.Closed && Summoned == other.Summoned && AckedOnTime == other.AckedOnTime
        && Escalations == other.Escalations && FollowUps == other.FollowUps && SatisfactionSum == other.SatisfactionSum
        && Satisfied == other.Satisfied && Reopened == other.Reopened && Repeats == other.Repeats && AckTimes.SequenceEqual(other.AckTimes) && ArriveTimes.SequenceEqual(other.ArriveTimes);

    public override int GetHashCode() => HashCode.Combine(
        HashCode.Combine(Accepted, AcceptedResolved, Resolved, Closed, Summoned, AckedOnTime),
        HashCode.Combine(Escalations, FollowUps, SatisfactionSum, Satisfied, Reopened, Repeats, AckTimes.Count, ArriveTimes.Count));
}
