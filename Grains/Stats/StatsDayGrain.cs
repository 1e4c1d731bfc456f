using Dispatch.Grains.Engine;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Stats;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Stats;

/// <summary>
/// A township's or department's statistics for one local day, keyed "<c>{scope}|{yyyy-MM-dd}</c>" and fed by case
/// outboxes ("<c>s|{scope}|{yyyy-MM-dd}</c>" markers).
/// </summary>
/// <remarks>
/// <para>Holding per-case facts (not running counters) is what makes delivery idempotent: a case always sends its
/// whole current contribution with its version, the bucket keeps the newest per case, and so the bucket's totals
/// equal a recount of its cases however often or late copies arrive.</para>
/// <para>Write amplification: only townships and departments have buckets, so one case change rewrites its township's
/// bucket and those of the departments it summoned, each holding one day of that township's or department's cases —
/// never a county- or city-wide bucket. Counties and the city are added up at query time from their townships'
/// buckets (see <c>StatsGrain</c>), which costs reads of at most 92 small buckets per township per quarter — only of
/// the days listed in the scope's <c>IStatsIndexGrain</c>, to which a bucket adds its day once, before its first fact.</para>
/// <para>Each write still rewrites the whole bucket, whose size grows with the scope's cases that day (about 150 bytes of
/// JSON per case; zero counts are left out): a few KB for an ordinary township-day (tens of cases), about 170 KB after
/// ten minutes of the load test's 10,000 cases a minute spread over Baotou's 86 townships. Should sustained surges of
/// that size matter, split buckets by a hash of the case id ("scope|day|shard"), trading N times the reads.</para>
/// </remarks>
public sealed class StatsDayGrain([PersistentState("statsDay")] IPersistentState<StatsDayState> state) : EngineGrain, IStatsDayGrain
{
    private readonly GroupCommit<StatsDayState> _commit = new(state);
    private StatsTotals? _totals;

    public async Task Upsert(CaseDayFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var cases = state.State.Cases;
        var held = cases.GetValueOrDefault(fact.CaseId);
        if (held is not null && held.Version >= fact.Version)
        {
            await _commit.FlushAsync();
            return;
        }
        if (cases.Count == 0)
        {
            // The first fact: list this day in the scope's index before storing it, so a query never misses it.
            var key = StatsDayKey.TryParse(GrainKey, out var parsed)
                ? parsed.Value
                : throw new InvalidOperationException($"'{GrainKey}' is not a statistics bucket key (scope|yyyy-MM-dd).");
            await GrainFactory.GetGrain<IStatsIndexGrain>(key.IndexKey).Add(key.Date);
            // Upserts interleave: another copy of this case may have landed while the index answered.
            if (cases.GetValueOrDefault(fact.CaseId) is { } landed && landed.Version >= fact.Version)
            {
                await _commit.FlushAsync();
                return;
            }
        }
        cases[fact.CaseId] = fact;
        _totals = null;
        await _commit.WriteAsync();
    }

    public Task<StatsTotals> Totals()
    {
        _totals ??= StatsCalculator.Sum(state.State.Cases.Values.Select(f => f.Totals));
        return Task.FromResult(_totals);
    }
}
