using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>One page of case summaries, newest first; <see cref="Total"/> counts every match.</summary>
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);
