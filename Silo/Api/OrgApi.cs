using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.ReadModels;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/org: the organisation, read-only, from the city file loaded at start.</summary>
public static class OrgApi
{
    public static RouteGroupBuilder MapOrgApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/org").WithTags("Organisation");
        api.MapGet("/centers", ListCenters)
            .WithName("ListCenters")
            .WithSummary("Every governance center: city, counties, townships, villages");
        api.MapGet("/centers/{id}", GetCenter)
            .WithName("GetCenter")
            .WithSummary("A center with its child centers, its departments and the grids directly at it");
        api.MapGet("/departments", ListDepartments)
            .WithName("ListDepartments")
            .WithSummary("The departments of a center (all departments without ?center=)");
        api.MapGet("/grids", ListGrids)
            .WithName("ListGrids")
            .WithSummary("The grids of a center and of the centers under it (all grids without ?center=)");
        api.MapGet("/grids/{id}", GetGrid)
            .WithName("GetGrid").WithSummary("A grid cell with its open cases and how many were reported and resolved there");
        return api;
    }

    public static Ok<CenterDto[]> ListCenters(CityModel city) =>
        TypedResults.Ok(city.Centers.Select(CenterDto.From).ToArray());

    public static Results<Ok<CenterDetailDto>, ProblemHttpResult> GetCenter(string id, CityModel city)
    {
        if (PathIds.Invalid(id, "id") is { } invalid)
            return invalid;
        if (!city.TryGetCenter(id, out var center))
            return UnknownCenter(id);
        return TypedResults.Ok(new CenterDetailDto(
            center.Id,
            center.Name,
            center.Level,
            center.ParentId,
            city.Children(id).Select(CenterDto.From).ToArray(),
            city.DepartmentsAt(id).Select(DepartmentDto.From).ToArray(),
            city.GridsAt(id).Select(GridDto.From).ToArray()));
    }

    public static Results<Ok<DepartmentDto[]>, ProblemHttpResult> ListDepartments([QuerySchema(QueryKind.Id)] string? center, CityModel city)
    {
        if (center is null)
            return TypedResults.Ok(city.Departments.Select(DepartmentDto.From).ToArray());
        if (PathIds.Invalid(center, "center") is { } invalid)
            return invalid;
        if (!city.TryGetCenter(center, out _))
            return UnknownCenter(center);
        return TypedResults.Ok(city.DepartmentsAt(center).Select(DepartmentDto.From).ToArray());
    }

    public static Results<Ok<GridDto[]>, ProblemHttpResult> ListGrids([QuerySchema(QueryKind.Id)] string? center, CityModel city)
    {
        if (center is null)
            return TypedResults.Ok(city.Grids.Select(GridDto.From).ToArray());
        if (PathIds.Invalid(center, "center") is { } invalid)
            return invalid;
        if (!city.TryGetCenter(center, out _))
            return UnknownCenter(center);
        return TypedResults.Ok(city.SelfAndDescendants(center).SelectMany(c => city.GridsAt(c.Id)).Select(GridDto.From).ToArray());
    }

    public static async Task<Results<Ok<GridView>, ProblemHttpResult>> GetGrid(string id, CityModel city, IReadModelReader views)
    {
        if (PathIds.Invalid(id, "id") is { } invalid)
            return invalid;
        if (!city.TryGetGrid(id, out _))
            return Problems.Result(Problems.NotFound($"No grid '{id}'."));
        return TypedResults.Ok(await views.GridAsync(id));
    }

    private static ProblemHttpResult UnknownCenter(string id) => Problems.Result(Problems.NotFound($"No center '{id}'."));
}
