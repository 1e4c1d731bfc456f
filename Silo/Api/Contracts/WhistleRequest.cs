using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Silo.Api.Binding;
using NodaTime;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>
/// POST /api/v1/cases/{id}/whistle. Without <see cref="DepartmentIds"/> the routing rules choose; <see cref="AckWithin"/>
/// and <see cref="ArriveWithin"/> are ISO-8601 durations of at least PT1S overriding policy for this whistle.
/// </summary>
public sealed record WhistleRequest(
    [property: IdList(WhistleRequest.MaxDepartments)] IReadOnlyList<string>? DepartmentIds,
    [property: DurationText] string? AckWithin,
    [property: DurationText] string? ArriveWithin,
    [property: Text] string? Note) : IOptionalRequestBody
{
    /// <summary>The most departments one whistle may name.</summary>
    public const int MaxDepartments = 50;

    /// <summary>The field rules, then: arrival may not be due before acknowledgement.</summary>
    public void Validate(RequestErrors errors)
    {
        errors.CheckFields(this);
        if (Parse(AckWithin) is { } ack && Parse(ArriveWithin) is { } arrive && arrive < ack)
            errors.Add("arriveWithin", Fault.Of("arriveBeforeAck"));
    }

    /// <summary>The parsed overrides (call after <see cref="Validate"/> passed).</summary>
    public (Duration? AckWithin, Duration? ArriveWithin) Durations() => (Parse(AckWithin), Parse(ArriveWithin));

    private static Duration? Parse(string? text) => text is not null && IsoDuration.TryParse(text, out var d) ? d : null;
}
