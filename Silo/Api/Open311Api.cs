using System.Globalization;
using System.Text.Json;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.ReadModels;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Application;
using Dispatch.Silo.Open311;
using NodaTime;
using NodaTime.Text;
using Orleans;

namespace Dispatch.Silo.Api;

/// <summary>
/// Open311 GeoReport v2 (JSON) at /open311/v2: services.json, POST and GET requests.json, requests/{id}.json. These paths
/// follow the Open311 specification, not the API's conventions: snake_case fields, form-encoded POST bodies, errors as
/// a JSON array of <c>{ code, description }</c> (not problem+json), clients identified by <c>api_key</c>.
/// </summary>
public static class Open311Api
{
    /// <summary>How many requests GET requests.json returns at most (the spec's default limit).</summary>
    public const int MaxListed = 1000;

    private const int MaxDescription = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/open311/v2").AllowAnonymous().ExcludeFromDescription();
        api.MapGet("/services.json", () => Results.Json(Open311Format.Services(), Json));
        api.MapPost("/requests.json", PostRequestAsync).DisableAntiforgery();
        api.MapGet("/requests.json", ListRequestsAsync);
        api.MapGet("/requests/{id}.json", GetRequestAsync);
        return routes;
    }

    private static IResult Error(int code, string description) => Results.Json(new[] { new Open311Error(code, description) }, Json, statusCode: code);

    private static IResult NoClient() => Error(StatusCodes.Status403Forbidden, "Invalid api_key.");

    private static async Task<IResult> PostRequestAsync(HttpContext http, Open311Clients clients, CityModel city, DispatchOperations operations)
    {
        if (!http.Request.HasFormContentType)
            return Error(StatusCodes.Status400BadRequest, "The body must be application/x-www-form-urlencoded (or multipart/form-data).");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        if (clients.Find(Field("api_key")) is not { } client)
            return NoClient();
        if (!Open311Format.TryParseCode(Field("service_code"), out var category))
            return Error(StatusCodes.Status400BadRequest, $"service_code '{Field("service_code")}' is missing or not one of services.json.");
        var description = Field("description");
        if (description is null || description.Length > MaxDescription)
            return Error(StatusCodes.Status400BadRequest, $"description is required, at most {MaxDescription} characters.");
        var (lat, lng) = (Field("lat"), Field("long"));
        if ((lat is null) != (lng is null) || (lat is not null && !(Coordinate(lat, 90) && Coordinate(lng!, 180))))
            return Error(StatusCodes.Status400BadRequest, "lat and long go together, as decimal degrees (lat -90..90, long -180..180).");
        var (addressString, addressId) = (Field("address_string"), Field("address_id"));
        if (lat is null && addressString is null && addressId is null)
            return Error(StatusCodes.Status400BadRequest, "A location is required: lat and long, address_string or address_id.");
        var (gridId, unplaced) = Open311Placement.Place(city, client.Scope, addressId, addressString);
        if (gridId is null)
            return Error(StatusCodes.Status400BadRequest, unplaced!);

        var summary = string.Join("\n", new[]
        {
            description,
            addressString is null ? null : $"地址: {addressString}",
            lat is null ? null : $"位置: {lat},{lng}",
            Field("media_url") is { } media ? $"照片: {media}" : null,
        }.OfType<string>());
        var reporter = string.Join(" ", new[] { Field("first_name"), Field("last_name"), Field("email"), Field("phone") }.OfType<string>());
        var request = new ReportCaseRequest(gridId, category, summary.Length > MaxDescription ? summary[..MaxDescription] : summary, CaseSource.Online,
            null, null, reporter.Length == 0 ? null : reporter.Length > 200 ? reporter[..200] : reporter);
        var result = await operations.ReportIntakeAsync(new Actor(Actor.System, client.Scope, $"open311:{client.Name}"), request);
        if (!result.Succeeded)
            return Error(StatusCodes.Status400BadRequest, result.Errors is { Count: > 0 } errors
                ? string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
                : result.Detail ?? "The request was refused.");
        return Results.Json(new[] { new Open311Created(result.Value!.Id, "") }, Json);
    }

    private static bool Coordinate(string text, double limit) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= limit;

    private static async Task<IResult> GetRequestAsync(string id, HttpContext http, Open311Clients clients, CityModel city, IGrainFactory grains)
    {
        if (clients.Find(http.Request.Query["api_key"].ToString()) is not { } client)
            return NoClient();
        return await ReadAsync(id, client, city, grains) is { } found
            ? Results.Json(new[] { found }, Json)
            : Error(StatusCodes.Status404NotFound, $"No service request '{id}'.");
    }

    /// <summary>The request, when it is a case within the client's scope.</summary>
    private static async Task<Open311Request?> ReadAsync(string id, Open311Client client, CityModel city, IGrainFactory grains)
    {
        if (!Ids.IsValid(id) || !CaseId.TryParse(id, out _, out _))
            return null;
        var view = await grains.GetGrain<ICaseGrain>(id).Get();
        return view is not null && city.AncestorsAndSelf(view.TownshipId).Any(c => c.Id == client.Scope) ? Open311Format.Of(view, city) : null;
    }

    private static async Task<IResult> ListRequestsAsync(HttpContext http, Open311Clients clients, CityModel city, IGrainFactory grains,
        IReadModelReader views, IClock clock)
    {
        var query = http.Request.Query;
        if (clients.Find(query["api_key"].ToString()) is not { } client)
            return NoClient();
        if (query["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            var found = await Task.WhenAll(ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Take(MaxListed).Select(id => ReadAsync(id, client, city, grains)));
            return Results.Json(found.OfType<Open311Request>().ToList(), Json);
        }
        var now = clock.GetCurrentInstant();
        var from = now - Duration.FromDays(90);
        var to = now;
        foreach (var (name, set) in new (string, Action<Instant>)[] { ("start_date", v => from = v), ("end_date", v => to = v) })
        {
            if (query[name].ToString() is not { Length: > 0 } text)
                continue;
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
            if (!parsed.Success)
                return Error(StatusCodes.Status400BadRequest, $"{name} must be a W3C date-time such as 2026-11-23T09:00:00+08:00.");
            set(parsed.Value.ToInstant());
        }
        var status = query["status"].ToString();
        if (status is not ("" or "open" or "closed"))
            return Error(StatusCodes.Status400BadRequest, "status must be open or closed.");
        bool? open = status.Length == 0 ? null : status == "open";
        Category? category = null;
        if (query["service_code"].ToString() is { Length: > 0 } code)
        {
            if (!Open311Format.TryParseCode(code, out var parsedCategory))
                return Error(StatusCodes.Status400BadRequest, $"service_code '{code}' is not one of services.json.");
            category = parsedCategory;
        }
        var center = city.GetCenter(client.Scope);
        var page = await views.CasesAsync(new CaseListQuery(new CaseScope(center.Id, center.Level), null, open, null, now, 1, MaxListed));
        var items = page.Items.Where(c => c.CreatedAt >= from && c.CreatedAt <= to && (category is null || c.Category == category))
            .Select(c => Open311Format.Of(c, city)).ToList();
        return Results.Json(items, Json);
    }
}
