using Orleans;

namespace Dispatch.Grains.Interfaces;

/// <summary>
/// A grain whose durable reminders stand for deadlines (a case's acknowledgement and arrival deadlines, a county's
/// report periods). Orleans skips reminder ticks that fell due while no silo ran them, so the silo's deadline sweeper
/// calls <see cref="CheckDeadlines"/> on every grain whose reminder row is overdue: deadlines are level-triggered.
/// </summary>
[Alias("dispatch.IDeadlineGrain")]
public interface IDeadlineGrain : IGrainWithStringKey
{
    /// <summary>Acts on everything due by now and moves the grain's reminders on; harmless when nothing is due.</summary>
    Task CheckDeadlines();
}
