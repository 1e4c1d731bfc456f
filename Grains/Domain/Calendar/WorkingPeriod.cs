using NodaTime;

namespace Dispatch.Grains.Domain.Calendar;

/// <summary>
/// One daily working period in local time, half-open: <see cref="Start"/> is inside, <see cref="End"/>
/// is not. Always <c>Start &lt; End</c> within one day (periods never cross midnight).
/// </summary>
/// <param name="Start">Inclusive local start, e.g. 08:30.</param>
/// <param name="End">Exclusive local end, e.g. 12:00.</param>
public sealed record WorkingPeriod(LocalTime Start, LocalTime End)
{
    /// <summary>The period's length.</summary>
    public Duration Length => (End - Start).ToDuration();
}
