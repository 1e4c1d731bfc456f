using Dispatch.Grains.Domain.Reports;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Engine;
using Dispatch.Grains.ReadModels;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;
using Orleans;
using Orleans.Runtime;
using NodaTime;

namespace Dispatch.Grains.Reports;

/// <summary>
/// A county's cadence reports (日调度、周分析、月研判、季考评). One durable one-shot reminder per cadence, named after
/// it, waits for the end of the period to report on (the next local midnight, Monday, 1st, or quarter's first day);
/// when it fires, the grain produces the report of every period of that cadence that has ended since (so a silo that
/// was down catches up), then registers the reminder for the end of the period now running. Reports are snapshots:
/// the county's statistics, the period before, the township and department rankings, and the cases needing supervision.
/// </summary>
public sealed class ReportScheduleGrain(
    [PersistentState("reportSchedule")] IPersistentState<ReportScheduleState> state,
    EngineContext engine,
    StatsQueries stats,
    IReadModelReader reader) : EngineGrain, IReportScheduleGrain, IRemindable
{
    /// <summary>How many cases needing supervision a report lists at most.</summary>
    public const int AttentionListed = 100;

    private const string ReminderPrefix = "report-";

    public async Task Start()
    {
        if (!engine.City.TryGetCenter(GrainKey, out var center) || center.Level != CenterLevel.County)
        {
            throw new ArgumentException($"'{GrainKey}' is not a county center; reports are kept per county.");
        }
        var today = StatsPeriods.DayOf(Clock.GetCurrentInstant());
        var pending = state.State.Pending;
        var changed = false;
        foreach (var kind in CadenceCalendar.Kinds)
        {
            changed |= pending.TryAdd(CadenceCalendar.Name(kind), CadenceCalendar.PeriodStart(kind, today));
        }
        if (changed) await state.WriteStateAsync();
        foreach (var kind in CadenceCalendar.Kinds)
        {
            await RegisterOrUpdateReminderAsync(ReminderPrefix + CadenceCalendar.Name(kind),
                CadenceCalendar.DueAt(kind, pending[CadenceCalendar.Name(kind)]));
        }
    }

    public Task<IReadOnlyDictionary<ReportKind, Instant>> Next()
    {
        var next = new Dictionary<ReportKind, Instant>();
        foreach (var kind in CadenceCalendar.Kinds)
        {
            if (state.State.Pending.TryGetValue(CadenceCalendar.Name(kind), out var start)) next[kind] = CadenceCalendar.DueAt(kind, start);
        }
        return Task.FromResult<IReadOnlyDictionary<ReportKind, Instant>>(next);
    }

    public Task<IReadOnlyList<ReportHeader>> List() => Task.FromResult<IReadOnlyList<ReportHeader>>(state.State.Reports.ToList());

    public async Task<ReportHeader> Produce(ReportKind kind, LocalDate at)
    {
        var header = await ProduceAsync(kind, CadenceCalendar.PeriodStart(kind, at));
        await state.WriteStateAsync();
        return header;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var kinds = CadenceCalendar.Kinds.Where(k => ReminderPrefix + CadenceCalendar.Name(k) == reminderName).ToList();
        return kinds.Count == 1 ? CatchUpAsync(kinds[0]) : Task.CompletedTask;
    }

    public async Task CheckDeadlines()
    {
        foreach (var kind in CadenceCalendar.Kinds) await CatchUpAsync(kind);
    }

    /// <summary>Produces the report of every period of <paramref name="kind"/> that has ended since the last one, then waits for the next.</summary>
    private async Task CatchUpAsync(ReportKind kind)
    {
        if (!state.State.Pending.TryGetValue(CadenceCalendar.Name(kind), out var start)) return;
        var now = Clock.GetCurrentInstant();
        while (CadenceCalendar.DueAt(kind, start) <= now)
        {
            await ProduceAsync(kind, start);
            start = StatsPeriods.Next(CadenceCalendar.PeriodOf(kind), start);
            state.State.Pending[CadenceCalendar.Name(kind)] = start;
            await state.WriteStateAsync();
        }
        await RegisterOrUpdateReminderAsync(ReminderPrefix + CadenceCalendar.Name(kind), CadenceCalendar.DueAt(kind, start));
    }

    /// <summary>Builds and stores the report of the period starting <paramref name="start"/> and lists it (the caller writes the state).</summary>
    private async Task<ReportHeader> ProduceAsync(ReportKind kind, LocalDate start)
    {
        var city = engine.City;
        var now = Clock.GetCurrentInstant();
        var period = CadenceCalendar.PeriodOf(kind);
        var dates = StatsPeriods.Range(period, start);
        var county = stats.GetAsync(GrainKey, period, dates.Start);
        var previous = stats.GetAsync(GrainKey, period, StatsPeriods.Previous(period, dates.Start));
        var townships = stats.RankingAsync(GrainKey, period, dates.Start, RankBy.Township);
        var departments = stats.RankingAsync(GrainKey, period, dates.Start, RankBy.Department);
        var attention = await AttentionAsync(now);

        var header = new ReportHeader(CadenceCalendar.ReportId(GrainKey, kind, dates.Start), GrainKey, kind, dates.Start, dates.End, now);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [GrainKey] = city.GetCenter(GrainKey).Name };
        foreach (var t in StatsScopes.TownshipsUnder(city, GrainKey)) names[t.Id] = t.Name;
        foreach (var d in StatsScopes.DepartmentsUnder(city, GrainKey)) names[d.Id] = d.Name;
        foreach (var c in attention)
        {
            if (city.TryGetCenter(c.CenterId, out var handling)) names.TryAdd(handling.Id, handling.Name);
        }
        var report = new CadenceReport(header, await county, await previous, await townships, await departments, attention, names);

        await GrainFactory.GetGrain<IReportGrain>(header.Id).Store(report);
        var reports = state.State.Reports;
        reports.RemoveAll(r => r.Id == header.Id);
        reports.Add(header);
        reports.Sort((a, b) => b.From != a.From ? b.From.CompareTo(a.From) : a.Kind.CompareTo(b.Kind));
        return header;
    }

    /// <summary>
    /// Open cases of the county's townships past their deadline or escalated, wherever handled now (township, county or
    /// city), most escalations first, then earliest deadline.
    /// </summary>
    private Task<IReadOnlyList<CaseSummary>> AttentionAsync(Instant now) => reader.NeedingAttentionAsync(
        StatsScopes.TownshipsUnder(engine.City, GrainKey).Select(t => t.Id).ToList(), now, AttentionListed);
}
