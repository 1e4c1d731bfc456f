using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

/// <summary>Checks of ids taken from paths and queries.</summary>
public static class PathIds
{
    /// <summary>400 naming <paramref name="field"/> when <paramref name="id"/> fails <see cref="Ids.IsValid"/>; null when it passes.</summary>
    public static ProblemHttpResult? Invalid(string? id, string field) =>
        Ids.IsValid(id) ? null : Problems.Result(Problems.Validation(field, string.IsNullOrEmpty(id) ? "Required." : RequestErrors.IdMessage));
}
