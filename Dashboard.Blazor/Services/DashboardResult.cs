using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Dashboard.Services;

/// <summary>
/// What an operation of <see cref="IDashboardBackend"/> returned: <see cref="Value"/> when it succeeded (Ok, or
/// Unchanged for a repeat); otherwise <see cref="Outcome"/> says what kind of failure and <see cref="Message"/> why.
/// </summary>
public sealed record DashboardResult<T>(Outcome Outcome, T? Value, string? Message = null)
{
    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Unchanged;
}
