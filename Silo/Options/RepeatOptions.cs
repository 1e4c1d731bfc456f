namespace Dispatch.Silo.Options;

/// <summary>Repeat-case suggestions on report (configuration section "Repeats").</summary>
public sealed class RepeatOptions
{
    public const string Section = "Repeats";

    /// <summary>How long after its resolution a case is still suggested as repeated by a new report (30 days by default); open cases always are.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many of the newest cases of the grid and category are compared with a new report.</summary>
    public int Candidates { get; set; } = 100;
}
