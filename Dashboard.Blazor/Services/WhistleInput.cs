namespace Dispatch.Dashboard.Services;

/// <summary>
/// A whistle as the case page's form collects it (the fields of POST /api/v1/cases/{id}/whistle): the departments
/// (null lets routing choose) and optional ISO-8601 overrides of the acknowledgement and arrival deadlines.
/// </summary>
public sealed record WhistleInput(IReadOnlyList<string>? DepartmentIds, string? AckWithin, string? ArriveWithin, string? Note);
