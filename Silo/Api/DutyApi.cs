using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Orleans;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/duty: the county four-chiefs rota (四长值班).</summary>
public static class DutyApi
{
    /// <summary>The rota span when ?to= is left out.</summary>
    public static Duration DefaultSpan { get; } = Duration.FromDays(7);

    /// <summary>The longest rota span one call returns.</summary>
    public static Duration MaxSpan { get; } = Duration.FromDays(366);

    public static RouteGroupBuilder MapDutyApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/duty").WithTags("Duty");
        api.MapGet("/{countyCenterId}/now", Now)
            .WithName("DutyNow").WithSummary("Who is on duty at a county center now");
        api.MapGet("/{countyCenterId}/rota", Rota)
            .WithName("DutyRota").WithSummary("The duty shifts of a county over [from, to): instants (2026-11-22T00:00:00Z) or local dates (2026-11-22, Asia/Shanghai); default from now for 7 days");
        api.MapGet("/{countyCenterId}/takes", Takes)
            .WithName("DutyTakes").WithSummary("Cases the county's leaders took (领导包案), newest first");
        return api;
    }

    public static async Task<Results<Ok<DutyShiftDto>, ProblemHttpResult>> Now(string countyCenterId, CityModel city, IClock clock, IGrainFactory grains)
    {
        if (CheckCounty(countyCenterId, city) is { } problem)
            return problem;
        var shift = await grains.GetGrain<IDutyGrain>(countyCenterId).OnDuty(clock.GetCurrentInstant());
        return shift is null ? Problems.Result(Problems.NotFound($"No rota for '{countyCenterId}'.")) : TypedResults.Ok(DutyShiftDto.Of(shift));
    }

    public static async Task<Results<Ok<LeaderTake[]>, ProblemHttpResult>> Takes(string countyCenterId, CityModel city, IGrainFactory grains)
    {
        if (CheckCounty(countyCenterId, city) is { } problem)
            return problem;
        return TypedResults.Ok((await grains.GetGrain<IDutyGrain>(countyCenterId).Takes()).ToArray());
    }

    public static async Task<Results<Ok<DutyShiftDto[]>, ProblemHttpResult>> Rota(string countyCenterId, [QuerySchema(QueryKind.InstantOrDate)] string? from,
        [QuerySchema(QueryKind.InstantOrDate)] string? to, CityModel city, IClock clock, IGrainFactory grains)
    {
        if (CheckCounty(countyCenterId, city) is { } problem)
            return problem;
        var errors = new RequestErrors();
        var start = ParseMoment(errors, "from", from) ?? clock.GetCurrentInstant();
        var end = ParseMoment(errors, "to", to) ?? start + DefaultSpan;
        if (errors.IsEmpty && end < start)
            errors.Add("to", "Must not be earlier than from.");
        if (errors.IsEmpty && end - start > MaxSpan)
            errors.Add("to", $"At most {MaxSpan.Days} days after from.");
        if (!errors.IsEmpty)
            return Problems.Result(Problems.Validation(errors.ToDictionary()));
        var shifts = await grains.GetGrain<IDutyGrain>(countyCenterId).Rota(start, end);
        return TypedResults.Ok(shifts.Select(DutyShiftDto.Of).ToArray());
    }

    private static ProblemHttpResult? CheckCounty(string id, CityModel city)
    {
        if (PathIds.Invalid(id, "countyCenterId") is { } invalid)
            return invalid;
        return city.TryGetCenter(id, out var center) && center.Level == CenterLevel.County && city.TryGetRota(id, out _)
            ? null
            : Problems.Result(Problems.NotFound($"No county center '{id}'."));
    }

    private static Instant? ParseMoment(RequestErrors errors, string field, string? text)
    {
        if (text is null)
            return null;
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
            return instant.Value;
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            return date.Value.AtStartOfDayInZone(ChinaTime.Zone).ToInstant();
        errors.Add(field, "Not an instant (2026-11-22T00:00:00Z) or a date (2026-11-22).");
        return null;
    }
}
