namespace Dispatch.LoadTests.Observations;

/// <summary>A time the live-channel listener was not connected (<see cref="ToMs"/> null: it never came back).</summary>
public sealed record ListenerGap(double FromMs, double? ToMs, string Reason);
