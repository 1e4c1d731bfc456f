using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>One case behind a statistics figure: the case and how many times it counts in the figure.</summary>
public sealed record StatsCaseItem(CaseSummary Case, int Count);

/// <summary>
/// GET /api/v1/stats/cases: one page of the cases behind a figure, newest report first. <see cref="Total"/> counts every
/// such case; <see cref="Sum"/> adds up their counts and equals the figure of GET /api/v1/stats for the same scope and
/// period (for accepted, resolved, closed, follow-ups and repeats each case counts once, so Total equals it too).
/// </summary>
public sealed record StatsCasesPage(string Metric, IReadOnlyList<StatsCaseItem> Items, int Page, int PageSize, int Total, int Sum);
