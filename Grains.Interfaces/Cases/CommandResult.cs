using Dispatch.Grains.Interfaces.Faults;
using Orleans;
namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// The result of a command: <see cref="Value"/> when <see cref="Outcome"/> is Ok or Unchanged; otherwise
/// <see cref="Error"/> says why (in English), <see cref="Fault"/> says it as data, and <see cref="Field"/> names the
/// offending field for Invalid.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CommandResult`1")]
public sealed record CommandResult<T>(Outcome Outcome, T? Value, string? Error = null, string? Field = null)
{
    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Unchanged;

    /// <summary>Why it failed, as a code and arguments (<see cref="Error"/> is its English); absent on success and in results stored before it existed.</summary>
    [Id(100)]
    public Fault? Fault { get; init; }

    public static CommandResult<T> Ok(T value) => new(Outcome.Ok, value);
    public static CommandResult<T> Unchanged(T value) => new(Outcome.Unchanged, value);
    public static CommandResult<T> NotFound(Fault fault) => new(Outcome.NotFound, default, fault.English) { Fault = fault };
    public static CommandResult<T> Forbidden(string error) => new(Outcome.Forbidden, default, error);
    public static CommandResult<T> Conflict(Fault fault) => new(Outcome.Conflict, default, fault.English) { Fault = fault };
    public static CommandResult<T> Invalid(string field, Fault fault) => new(Outcome.Invalid, default, fault.English, field) { Fault = fault };

    /// <summary>The same failure carrying another value type.</summary>
    public CommandResult<TOther> As<TOther>() => new(Outcome, default, Error, Field) { Fault = Fault };
}
