using Dispatch.Grains.Interfaces.Reports;
using Orleans;
using Orleans.Concurrency;
using NodaTime;

namespace Dispatch.Grains.Interfaces;

/// <summary>
/// A county's cadence reports, keyed by county center id: schedules them with durable reminders, produces them when
/// a period ends (also after a restart, catching up on periods missed while down), and lists them.
/// </summary>
[Alias("dispatch.IReportScheduleGrain")]
public interface IReportScheduleGrain : IDeadlineGrain
{
    /// <summary>
    /// Starts the schedule (idempotent; call for every county at silo start): the first reports are of the periods
    /// running now, produced when they end. Throws <see cref="ArgumentException"/> when the key is not a county.
    /// </summary>
    Task Start();

    /// <summary>When each cadence fires next; empty before <see cref="Start"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyDictionary<ReportKind, Instant>> Next();

    /// <summary>The stored reports of this county, newest period first (daily before weekly before … on the same first day).</summary>
    [ReadOnly]
    Task<IReadOnlyList<ReportHeader>> List();

    /// <summary>
    /// Produces (or produces again, replacing it) the report of the <paramref name="kind"/> period containing
    /// <paramref name="at"/> now, whether or not the period has ended, and stores and lists it.
    /// </summary>
    Task<ReportHeader> Produce(ReportKind kind, LocalDate at);
}
