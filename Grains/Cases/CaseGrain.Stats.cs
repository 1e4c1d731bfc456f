using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Grains.Cases;

/// <summary>
/// The case's part in the statistics projection: at every commit the case recomputes its contribution per
/// (scope, local day) (<see cref="CaseStatsFacts"/>), and marks "<c>s|{scope}|{yyyy-MM-dd}</c>" in its outbox for each
/// bucket whose contribution changed; delivery sends the bucket the case's whole current contribution with the case
/// version (an idempotent upsert, see <c>StatsDayGrain</c>).
/// </summary>
public sealed partial class CaseGrain
{
    private static readonly IReadOnlyDictionary<StatsDayKey, StatsTotals> NoStats = new Dictionary<StatsDayKey, StatsTotals>();

    /// <summary>
    /// The contribution of the state as last stored (or being stored), at <see cref="_statsVersion"/>. Every bucket
    /// not marked in the outbox holds exactly this, so a commit needs to mark only the buckets that differ from it.
    /// </summary>
    private IReadOnlyDictionary<StatsDayKey, StatsTotals> _stats = NoStats;

    private int _statsVersion = -1;

    /// <summary>Recomputes the stored contribution; after activation and after a failed write re-read the state.</summary>
    private void ResetStats()
    {
        _stats = Case.Exists ? CaseStatsFacts.Of(ToView()) : NoStats;
        _statsVersion = Case.Version;
    }

    /// <summary>Marks every bucket whose contribution this commit changes; call after the version moved, before the write.</summary>
    private void MarkStats()
    {
        if (!Case.Exists) return;
        var now = CaseStatsFacts.Of(ToView());
        foreach (var key in CaseStatsFacts.Changed(_stats, now)) Mark(key.Marker);
        _stats = now;
        _statsVersion = Case.Version;
    }
}
