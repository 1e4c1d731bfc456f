using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Faults;

namespace Dispatch.Dashboard.Services;

/// <summary>
/// What an operation of <see cref="IDashboardBackend"/> returned: <see cref="Value"/> when it succeeded (Ok, or
/// Unchanged for a repeat); otherwise <see cref="Outcome"/> says what kind of failure and <see cref="Message"/> why (in
/// English), and <see cref="Fault"/> and <see cref="Faults"/> say it as data for the page to render in its language.
/// </summary>
public sealed record DashboardResult<T>(Outcome Outcome, T? Value, string? Message = null)
{
    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Unchanged;

    /// <summary>Why it failed, as a code and arguments (absent on success, or when the reason has no code).</summary>
    public Fault? Fault { get; init; }

    /// <summary>For Invalid, each offending field and its fault.</summary>
    public IReadOnlyList<FieldFault> Faults { get; init; } = [];

    /// <summary>A failure with a fault: <see cref="Message"/> is its English.</summary>
    public static DashboardResult<T> Failed(Outcome outcome, Fault fault) => new(outcome, default, fault.English) { Fault = fault };
}
