using Orleans;
namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// The result of a command: <see cref="Value"/> when <see cref="Outcome"/> is Ok or Unchanged; otherwise
/// <see cref="Error"/> says why, and <see cref="Field"/> names the offending field for Invalid.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CommandResult`1")]
public sealed record CommandResult<T>(Outcome Outcome, T? Value, string? Error = null, string? Field = null)
{
    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Unchanged;

    public static CommandResult<T> Ok(T value) => new(Outcome.Ok, value);
    public static CommandResult<T> Unchanged(T value) => new(Outcome.Unchanged, value);
    public static CommandResult<T> NotFound(string error) => new(Outcome.NotFound, default, error);
    public static CommandResult<T> Forbidden(string error) => new(Outcome.Forbidden, default, error);
    public static CommandResult<T> Conflict(string error) => new(Outcome.Conflict, default, error);
    public static CommandResult<T> Invalid(string field, string error) => new(Outcome.Invalid, default, error, field);

    /// <summary>The same failure carrying another value type.</summary>
    public CommandResult<TOther> As<TOther>() => new(Outcome, default, Error, Field);
}
