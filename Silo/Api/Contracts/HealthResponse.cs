namespace Dispatch.Silo.Api.Contracts;

/// <summary>GET /health when ready.</summary>
public sealed record HealthResponse(string Status, string Store)
{
    /// <summary>This silo's membership status in its Orleans cluster ("Active" when ready).</summary>
    public string? Membership { get; init; }

    /// <summary>How many silos of the cluster this silo sees active, itself included (1 for a single silo).</summary>
    public int? ActiveSilos { get; init; }

    /// <summary>This silo's address in its cluster (which silo answered, behind a load balancer).</summary>
    public string? Silo { get; init; }

    /// <summary>
    /// The current or next year (Asia/Shanghai) the working calendar has no holidays for; absent when both are covered.
    /// The duty board shows it: deadlines in those years count Monday to Friday only.
    /// </summary>
    public IReadOnlyList<int>? CalendarMissingYears { get; init; }
}
