using NodaTime;

namespace Dispatch.Runtime.Testing;

/// <summary>A clock that moves only when told: for tests and simulations.</summary>
public sealed class ManualClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    /// <summary>Moves the clock forward; <paramref name="by"/> must not be negative.</summary>
    public void Advance(Duration by)
    {
        if (by < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(by), "A clock only moves forward.");
        Interlocked.Add(ref _ticks, by.BclCompatibleTicks);
    }

    /// <summary>Sets the clock to <paramref name="to"/>, which must not be earlier than now.</summary>
    public void Set(Instant to) => Advance(to - GetCurrentInstant());
}
