using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// The deadline rules of a city, from the city file's <c>deadlinePolicy</c> section; every property
/// omitted in the file keeps its value from <see cref="Default"/>. A null tier rule means no deadline
/// is computed for that tier.
/// </summary>
/// <param name="Triage">Triage deadline from report. Default: within 1 working day (end of the next working day).</param>
/// <param name="Consultation">Default: end of the same working day.</param>
/// <param name="Simple">Default: end of the same working day.</param>
/// <param name="General">Default: within 5 working days (end of the 5th following working day).</param>
/// <param name="Complex">Default: two calendar months in Asia/Shanghai.</param>
/// <param name="Major">Default: null (a leader takes the case at whistle; no computed deadline).</param>
/// <param name="Blue">Default: acknowledge within 2 working hours, arrive by the end of the next working day.</param>
/// <param name="Orange">Default: acknowledge within 1 working hour, arrive within 4 working hours.</param>
/// <param name="Red">Default: acknowledge within 15 minutes, arrive within 30 minutes, elapsed time.</param>
public sealed record DeadlinePolicyOptions(
    DeadlineRule Triage,
    DeadlineRule? Consultation,
    DeadlineRule? Simple,
    DeadlineRule? General,
    DeadlineRule? Complex,
    DeadlineRule? Major,
    SummonsDeadlineRules Blue,
    SummonsDeadlineRules Orange,
    SummonsDeadlineRules Red)
{
    /// <summary>The policy from DOMAIN.md (Bazhong tiers; blue/orange/red summons deadlines).</summary>
    public static DeadlinePolicyOptions Default { get; } = new(
        Triage: new EndOfWorkingDayDeadline(1),
        Consultation: new EndOfWorkingDayDeadline(0),
        Simple: new EndOfWorkingDayDeadline(0),
        General: new EndOfWorkingDayDeadline(5),
        Complex: new CalendarPeriodDeadline(Period.FromMonths(2)),
        Major: null,
        Blue: new SummonsDeadlineRules(new WorkingTimeDeadline(Duration.FromHours(2)), new EndOfWorkingDayDeadline(1)),
        Orange: new SummonsDeadlineRules(new WorkingTimeDeadline(Duration.FromHours(1)), new WorkingTimeDeadline(Duration.FromHours(4))),
        Red: new SummonsDeadlineRules(new ElapsedDeadline(Duration.FromMinutes(15)), new ElapsedDeadline(Duration.FromMinutes(30))));

    /// <summary>
    /// When the follow-up visit (回访) of a resolved case falls due, counted from the resolution. Default: within 5
    /// working days (end of the 5th following working day). City file: <c>deadlinePolicy.followUp</c>.
    /// </summary>
    public DeadlineRule FollowUp { get; init; } = new EndOfWorkingDayDeadline(5);

    /// <summary>The case deadline rule for a tier, or null when none is computed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined value.</exception>
    public DeadlineRule? ForTier(CaseTier tier) => tier switch
    {
        CaseTier.Consultation => Consultation,
        CaseTier.Simple => Simple,
        CaseTier.General => General,
        CaseTier.Complex => Complex,
        CaseTier.Major => Major,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>The summons deadline rules for a colour.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="colour"/> is not a defined value.</exception>
    public SummonsDeadlineRules ForColour(RiskColour colour) => colour switch
    {
        RiskColour.Blue => Blue,
        RiskColour.Orange => Orange,
        RiskColour.Red => Red,
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "Unknown risk colour."),
    };
}
