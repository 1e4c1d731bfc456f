namespace Dispatch.Testing;

/// <summary>
/// Tells the time of another <see cref="TimeProvider"/> (a test's fake clock) but never fires a timer. Given to Orleans'
/// grain-timer and reminder areas in tests, it keeps them on the test's time (a reminder registered "in 15 minutes" is
/// stored for 15 minutes after the fake now) without letting them act on their own while the test moves the clock: the
/// test runs the deadline sweep instead, and waits for it, so every effect is in place when the test looks.
/// </summary>
public sealed class ClockOnlyTimeProvider(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new SilentTimer();

    private sealed class SilentTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
