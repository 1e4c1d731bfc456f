using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Silo.Api.Binding;
using NodaTime;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>
/// POST /api/v1/cases/{id}/whistle. Without <see cref="DepartmentIds"/> the routing rules choose; <see cref="AckWithin"/>
/// and <see cref="ArriveWithin"/> are ISO-8601 durations of at least PT1S overriding policy for this whistle.
/// </summary>
public sealed record WhistleRequest(IReadOnlyList<string>? DepartmentIds, string? AckWithin, string? ArriveWithin, string? Note) : IOptionalRequestBody
{
    /// <summary>The most departments one whistle may name.</summary>
    public const int MaxDepartments = 50;

    public void Validate(RequestErrors errors)
    {
        if (DepartmentIds is not null)
        {
            if (DepartmentIds.Count == 0)
                errors.Add("departmentIds", "Name at least one department, or leave departmentIds out to let routing choose.");
            else if (DepartmentIds.Count > MaxDepartments)
                errors.Add("departmentIds", $"At most {MaxDepartments} departments.");
            for (var i = 0; i < DepartmentIds.Count; i++)
            {
                if (!Ids.IsValid(DepartmentIds[i]))
                    errors.Add($"departmentIds[{i}]", RequestErrors.IdMessage);
            }
            if (DepartmentIds.Distinct(StringComparer.Ordinal).Count() != DepartmentIds.Count)
                errors.Add("departmentIds", "A department is named twice.");
        }
        CheckDuration(errors, "ackWithin", AckWithin);
        CheckDuration(errors, "arriveWithin", ArriveWithin);
        if (Parse(AckWithin) is { } ack && Parse(ArriveWithin) is { } arrive && arrive < ack)
            errors.Add("arriveWithin", "Shorter than ackWithin: arrival cannot be due before acknowledgement.");
        errors.OptionalText("note", Note);
    }

    /// <summary>The parsed overrides (call after <see cref="Validate"/> passed).</summary>
    public (Duration? AckWithin, Duration? ArriveWithin) Durations() => (Parse(AckWithin), Parse(ArriveWithin));

    private static Duration? Parse(string? text) => text is not null && IsoDuration.TryParse(text, out var d) ? d : null;

    private static void CheckDuration(RequestErrors errors, string field, string? text)
    {
        if (text is null)
            return;
        if (!IsoDuration.TryParse(text, out var duration))
            errors.Add(field, "Not an ISO-8601 duration such as PT30M (no years or months).");
        else if (duration < IsoDuration.Minimum)
            errors.Add(field, "At least PT1S.");
    }
}
