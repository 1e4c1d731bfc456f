namespace Dispatch.Testing;

/// <summary>
/// Tells the time of a test's fake clock but runs timers and measures elapsed time on the real clock. Given to Orleans'
/// reminder area in tests: a reminder registered "in 15 minutes" is stored for 15 minutes after the fake now (what the
/// deadline sweep reads), while the reminder service's own start-up, retries and list refreshes keep real time — with
/// timers that never fired, a reminder service whose first start-up attempt failed under load never came up.
/// A reminder's tick timer waits real time, so it does not fire within a test unless it was already due; the sweep
/// the test runs acts on what is due, and a tick that comes as well finds it done.
/// </summary>
public sealed class FakeNowRealTimersTimeProvider(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;
}
