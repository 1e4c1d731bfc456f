namespace Dispatch.LoadTests.Observations;

/// <summary>
/// One department bot action: the POST of the attempt that got an answer (times in ms since the run started),
/// its HTTP status (0: no answer at all) and how many attempts it took.
/// </summary>
public sealed record BotAction(string SummonsId, string DepartmentId, BotActionKind Kind, double SentMs, double? DoneMs, int Status, int Attempts)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
