using Dispatch.LoadTests.Reporting;

namespace Dispatch.LoadTests.Surge;

/// <summary>A finished run: its report and where it was written.</summary>
public sealed record SurgeOutcome(SurgeReport Report, string JsonFile, string HtmlFile)
{
    /// <summary>0 when nothing was lost or duplicated and every deadline fired; 1 otherwise.</summary>
    public int ExitCode => Report.Passed ? 0 : 1;
}
