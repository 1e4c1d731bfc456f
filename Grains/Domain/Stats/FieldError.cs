using Dispatch.Grains.Interfaces.Faults;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>Bad input: the offending query parameter (<c>scope</c>, <c>period</c>, <c>at</c>, <c>by</c>) and why (<see cref="Fault"/>).</summary>
public sealed record FieldError(string Field, Fault Fault)
{
    /// <summary>A field error with a free English text and no code of its own.</summary>
    public FieldError(string field, string message) : this(field, Fault.Text(message)) { }

    /// <summary>Why, in English (the API's sentence).</summary>
    public string Message => Fault.English;
}
