using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.ReadModels;

/// <summary>
/// Which cases a list covers: those handled by a center and, with <paramref name="WithCentersBelow"/>, by the centers
/// under it (a county and its townships; the city: every case). <paramref name="Level"/> is the center's level.
/// </summary>
public sealed record CaseScope(string CenterId, CenterLevel Level, bool WithCentersBelow = true);

/// <summary>
/// A page of a case list, newest first. <see cref="Open"/>: only open cases (true), only closed ones (false), or
/// all; <see cref="Overdue"/> compares the due time with <see cref="Now"/>.
/// </summary>
public sealed record CaseListQuery(CaseScope Scope, CaseState? State, bool? Open, bool? Overdue, Instant Now, int Page, int PageSize)
{
    /// <summary>Only cases of this risk colour.</summary>
    public RiskColour? Risk { get; init; }

    /// <summary>
    /// Only cases whose id or summary contains this text (case-insensitive for Latin letters; <c>%</c> and <c>_</c> are
    /// plain characters).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Only open cases not yet overdue at <see cref="Now"/> that fall due before this instant ("due soon").</summary>
    public Instant? DueBefore { get; init; }

    /// <summary>With a township scope: the cases reported in the township wherever they are handled now (not only at its center).</summary>
    public bool ReportedInTownship { get; init; }

    /// <summary>Only resolved or closed cases whose follow-up visit fell due before <see cref="Now"/> and is not recorded.</summary>
    public bool FollowUpOverdue { get; init; }
}

/// <summary>One page of case summaries; <see cref="Total"/> counts every match.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseSummary> Items, int Total);

/// <summary>One case behind a statistics figure, and how many times it counts in it (1 for a figure counted once per case).</summary>
public sealed record StatsCase(CaseSummary Case, int Count);

/// <summary>
/// One page of the cases behind a statistics figure, newest report first; <see cref="Total"/> counts every such case and
/// <see cref="Sum"/> adds up their counts (the figure itself).
/// </summary>
public sealed record StatsCasePage(IReadOnlyList<StatsCase> Items, int Total, int Sum);

/// <summary>
/// Queries on the read-model tables (paged, filtered, sorted and summed in the database). They read what the cases'
/// outboxes have delivered so far: a change shows a few milliseconds after the command that made it.
/// </summary>
public interface IReadModelReader
{
    Task<CaseListPage> CasesAsync(CaseListQuery query, CancellationToken cancellationToken = default);

    /// <summary>A department's summonses: open ones newest first, then (unless <paramref name="openOnly"/>) the newest <paramref name="closedKept"/> closed.</summary>
    Task<IReadOnlyList<SummonsView>> SummonsesAsync(string departmentId, bool openOnly, int closedKept, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> cases of a grid and category (any state), newest first: candidates a new report may repeat.</summary>
    Task<IReadOnlyList<CaseSummary>> GridCategoryCasesAsync(string gridId, Interfaces.Model.Category category, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> cases reported in a grid (any state), newest first.</summary>
    Task<IReadOnlyList<CaseSummary>> GridCasesAsync(string gridId, int limit, CancellationToken cancellationToken = default);

    /// <summary>A grid: its open cases newest first, how many cases were reported in it and how many are no longer open.</summary>
    Task<GridView> GridAsync(string gridId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The statistics of each scope (townships and departments have facts) over the local dates <paramref name="from"/>
    /// to <paramref name="to"/> inclusive; a scope without facts gets <see cref="StatsTotals.Empty"/>.
    /// </summary>
    Task<IReadOnlyDictionary<string, StatsTotals>> TotalsAsync(IReadOnlyCollection<string> scopes, LocalDate from, LocalDate to,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Open cases reported in <paramref name="townships"/>, wherever handled now, that are overdue at <paramref name="now"/>
    /// or escalated at least once: most escalations first, then earliest due, then id; at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<CaseSummary>> NeedingAttentionAsync(IReadOnlyCollection<string> townships, Instant now, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Summonses issued or acknowledged since <paramref name="since"/>, each with the township of its case, oldest first
    /// (at most <paramref name="limit"/>): what the dashboard's 24-hour activity is rebuilt from after a restart.
    /// </summary>
    Task<IReadOnlyList<(SummonsView Summons, string TownshipId)>> SummonsActivitySinceAsync(Instant since, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>Open cases, open summonses and overdue open cases of the whole city now.</summary>
    Task<(int OpenCases, int OpenSummonses, int Overdue)> CountsAsync(Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cases behind <paramref name="metric"/> in the facts of <paramref name="scopes"/> (townships or departments) over
    /// the local dates <paramref name="from"/> to <paramref name="to"/> inclusive: each case whose facts there count the
    /// metric at least once, with that count; newest report first, one page (1-based).
    /// </summary>
    Task<StatsCasePage> StatsCasesAsync(IReadOnlyCollection<string> scopes, LocalDate from, LocalDate to, StatsMetric metric, int page, int pageSize,
        CancellationToken cancellationToken = default);
}
