using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Dashboard.Services;

/// <summary>
/// The console's case filters: a state, a risk colour, overdue only, due within the hour only, a text found in the id
/// or summary; a page of <see cref="PageSize"/>. The cases are those reported in the township, wherever handled now.
/// </summary>
public sealed record CaseFilter(CaseState? State, RiskColour? Risk, bool Overdue, bool DueSoon, string? Text, int Page, int PageSize = CaseFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 20;

    /// <summary>"Due soon" is due within this long.</summary>
    public static readonly NodaTime.Duration SoonWindow = NodaTime.Duration.FromHours(1);

    /// <summary>The longest search text.</summary>
    public const int MaxText = 100;

    /// <summary>Only open cases (the console's default view).</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Only resolved or closed cases whose follow-up visit (回访) is overdue.</summary>
    public bool FollowUpOverdue { get; init; }

    /// <summary>
    /// Does a case (received live) belong in this filtered list at <paramref name="now"/>? The database's filter, for the
    /// cases a page lays over what it loaded.
    /// </summary>
    public bool Matches(CaseSummary c, NodaTime.Instant now) =>
        (!OpenOnly || c.IsOpen)
        && (State is null || c.State == State)
        && (Risk is null || c.Risk == Risk)
        && (!Overdue || c.IsOverdueAt(now))
        && (!FollowUpOverdue || c.IsFollowUpOverdueAt(now))
        && (!DueSoon || (c.IsOpen && c.DueAt is { } due && due >= now && due < now + SoonWindow))
        && (string.IsNullOrWhiteSpace(Text)
            || c.Id.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase)
            || c.Summary.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The console's counters over the township's cases: to triage (reported, not yet triaged), overdue, due within the hour,
/// and resolved cases whose follow-up visit is overdue.
/// </summary>
public sealed record CaseCounters(int ToTriage, int Overdue, int DueSoon, int FollowUpOverdue = 0);
