using NodaTime;

namespace Dispatch.Grains.Engine;

/// <summary>
/// NodaTime's <see cref="IClock"/> over a <see cref="TimeProvider"/>: the domain reads instants, Orleans' timers and
/// reminders read the provider, and both see the same time (in tests, one FakeTimeProvider moves them together).
/// </summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
