namespace Dispatch.LoadTests.Reporting;

/// <summary>One second of the run: whistles sent and accepted, their p99, live summons and escalation events.</summary>
public sealed record SecondBucket(int Second, int Sent, int Accepted, double WhistleP99Ms, int LiveSummonses, int Escalations);
