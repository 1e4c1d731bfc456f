using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Silo.Open311;

/// <summary>A service (GET services.json): one of our case categories, in the GeoReport v2 field names.</summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group);

/// <summary>A service request (GET requests.json, requests/{id}.json) in the GeoReport v2 field names; absent fields are left out.</summary>
public sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] string? UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] string? ExpectedDatetime,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("address_id")] string AddressId);

/// <summary>The answer to POST requests.json: the new request's id.</summary>
public sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice);

/// <summary>One GeoReport v2 error: the HTTP status code and a description.</summary>
public sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);

/// <summary>How cases and categories read in Open311: codes, names, status and W3C date-times (Asia/Shanghai offset). Pure.</summary>
public static class Open311Format
{
    private static readonly OffsetDateTimePattern W3c = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static readonly IReadOnlyDictionary<Category, string> Names = new Dictionary<Category, string>
    {
        [Category.NeighbourDispute] = "邻里纠纷", [Category.LandHomestead] = "土地宅基地纠纷", [Category.WageArrears] = "拖欠工资",
        [Category.PropertyManagement] = "物业纠纷", [Category.HousingDelivery] = "房屋交付纠纷", [Category.Labour] = "劳动争议",
        [Category.MarriageFamily] = "婚姻家庭纠纷", [Category.TrafficAccident] = "交通事故纠纷", [Category.MedicalDispute] = "医疗纠纷",
        [Category.SafetyHazard] = "安全隐患", [Category.PublicSecurity] = "治安问题", [Category.Petition] = "信访事项",
        [Category.Consultation] = "政策咨询", [Category.Other] = "其他",
    };

    /// <summary>Every category as a realtime service without metadata (no attributes to answer).</summary>
    public static IReadOnlyList<Open311Service> Services() =>
        Enum.GetValues<Category>().Select(c => new Open311Service(Code(c), Names[c], Names[c], false, "realtime", "", "")).ToList();

    /// <summary>The service_code of a category: its API name (camelCase).</summary>
    public static string Code(Category category) => JsonNamingPolicy.CamelCase.ConvertName(category.ToString());

    /// <summary>The category of a service_code, when it is one.</summary>
    public static bool TryParseCode(string? code, out Category category)
    {
        category = default;
        var match = Enum.GetValues<Category>().Where(c => Code(c) == code).ToList();
        if (match.Count == 0) return false;
        category = match[0];
        return true;
    }

    /// <summary>open while the case is being handled; closed once resolved, closed or followed up.</summary>
    public static string Status(CaseState state) =>
        state is CaseState.Resolved or CaseState.Closed or CaseState.FollowedUp ? "closed" : "open";

    public static string DateTime(Instant at) => W3c.Format(at.InZone(ChinaTime.Zone).ToOffsetDateTime());

    /// <summary>A case as a service request: status notes are the outcome once closed, else the latest timeline note.</summary>
    public static Open311Request Of(CaseView c, CityModel city)
    {
        var closed = Status(c.State) == "closed";
        var last = c.Timeline.Count > 0 ? c.Timeline[^1] : null;
        return new Open311Request(c.Id, Status(c.State), closed ? c.Outcome : last?.Note, Names[c.Category], Code(c.Category), c.Summary,
            city.GetCenter(c.CenterId).Name, null, DateTime(c.CreatedAt), last is null ? null : DateTime(last.At),
            !closed && c.DueAt is { } due ? DateTime(due) : null, GridName(city, c.GridId), c.GridId);
    }

    /// <summary>A case from a list (no timeline): status notes name the state.</summary>
    public static Open311Request Of(CaseSummary c, CityModel city)
    {
        var closed = !c.IsOpen;
        return new Open311Request(c.Id, Status(c.State), JsonNamingPolicy.CamelCase.ConvertName(c.State.ToString()), Names[c.Category], Code(c.Category), c.Summary,
            city.GetCenter(c.CenterId).Name, null, DateTime(c.CreatedAt), null, !closed && c.DueAt is { } due ? DateTime(due) : null,
            GridName(city, c.GridId), c.GridId);
    }

    private static string GridName(CityModel city, string gridId) => city.TryGetGrid(gridId, out var grid) ? grid.Name : gridId;
}
