using System.Net;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Open311;

/// <summary>
/// Open311 GeoReport v2 over real Kestrel: services, submitting a request with the dev key, following it to closed,
/// listing, and the spec's error format (a JSON array of code and description) for every refusal, which changes nothing.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class Open311ApiTests(SqliteSiloFixture fixture)
{
    private const string DevKey = "dev-open311";
    private readonly SiloHost _host = fixture.Host;

    private Task<HttpResponseMessage> SubmitAsync(params (string Key, string Value)[] fields) =>
        _host.Http.PostAsync("/open311/v2/requests.json",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var error = Assert.Single((await JsonAsync(response, status)).EnumerateArray());
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.Contains(mentions, error.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Services_ListEveryCategory_AsRealtimeServices()
    {
        using var response = await _host.Http.GetAsync("/open311/v2/services.json");

        var services = (await JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
        var wages = Assert.Single(services, s => s.GetProperty("service_code").GetString() == "wageArrears");
        Assert.Equal(("拖欠工资", false, "realtime"), (wages.GetProperty("service_name").GetString(), wages.GetProperty("metadata").GetBoolean(),
            wages.GetProperty("type").GetString()));
        Assert.Equal(14, services.Count);
    }

    [Fact]
    public async Task PostRequest_WithTheDevKey_CreatesACaseInTheNamedGrid_ThatTheClientFollowsToClosed()
    {
        using var created = await SubmitAsync(("api_key", DevKey), ("service_code", "safetyHazard"), ("description", "井盖缺失"),
            ("address_string", "北镇第1网格菜市场门口"), ("first_name", "李"), ("email", "li@example.org"), ("media_url", "https://example.org/p.jpg"));
        var id = Assert.Single((await JsonAsync(created, HttpStatusCode.OK)).EnumerateArray()).GetProperty("service_request_id").GetString()!;

        using var one = await _host.Http.GetAsync($"/open311/v2/requests/{id}.json?api_key={DevKey}");
        var request = Assert.Single((await JsonAsync(one, HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("open", "safetyHazard", "tc-a-t3-g1", "北镇"), (request.GetProperty("status").GetString(),
            request.GetProperty("service_code").GetString(), request.GetProperty("address_id").GetString(),
            request.GetProperty("agency_responsible").GetString()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", request.GetProperty("requested_datetime").GetString());
        using var commissioner = await _host.ClientAsync("commissioner", "tc-a-t3");
        using (var read = await commissioner.GetAsync($"/api/v1/cases/{id}"))
        {
            var view = await read.ReadAsync<CaseView>();
            Assert.Contains("井盖缺失", view.Summary);
            Assert.Contains("https://example.org/p.jpg", view.Summary);
            Assert.Equal("李 li@example.org", view.Reporter);
        }

        using (var triage = await commissioner.PostJsonAsync($"/api/v1/cases/{id}/triage", new { tier = "consultation", risk = "blue" }))
            Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        using (var resolve = await commissioner.PostJsonAsync($"/api/v1/cases/{id}/resolve", new { outcome = "已补装井盖" }))
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        await _host.DeliverAsync(id);

        using var again = await _host.Http.GetAsync($"/open311/v2/requests/{id}.json?api_key={DevKey}");
        var closed = Assert.Single((await JsonAsync(again, HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("closed", "已补装井盖"), (closed.GetProperty("status").GetString(), closed.GetProperty("status_notes").GetString()));
        using var list = await _host.Http.GetAsync($"/open311/v2/requests.json?api_key={DevKey}&status=closed&service_code=safetyHazard");
        Assert.Contains((await JsonAsync(list, HttpStatusCode.OK)).EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        using var byId = await _host.Http.GetAsync($"/open311/v2/requests.json?api_key={DevKey}&service_request_id={id},C-20261123-999999");
        Assert.Equal(id, Assert.Single((await JsonAsync(byId, HttpStatusCode.OK)).EnumerateArray()).GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task Refusals_AreTheSpecsErrorArray_AndCreateNothing()
    {
        using var commissioner = await _host.ClientAsync("commissioner", "tc-b-t1");
        using var before = await commissioner.GetAsync("/api/v1/cases?center=tc-b-t1");
        var total = (await before.ReadAsync<JsonElement>()).GetProperty("total").GetInt32();

        using (var noKey = await SubmitAsync(("service_code", "other"), ("description", "x"), ("address_id", "tc-b-t1-g1")))
            await AssertErrorAsync(noKey, HttpStatusCode.Forbidden, "api_key");
        using (var badCode = await SubmitAsync(("api_key", DevKey), ("service_code", "potholes"), ("description", "x"), ("address_id", "tc-b-t1-g1")))
            await AssertErrorAsync(badCode, HttpStatusCode.BadRequest, "service_code");
        using (var noWhere = await SubmitAsync(("api_key", DevKey), ("service_code", "other"), ("description", "x")))
            await AssertErrorAsync(noWhere, HttpStatusCode.BadRequest, "location");
        using (var halfPoint = await SubmitAsync(("api_key", DevKey), ("service_code", "other"), ("description", "x"), ("lat", "40.6")))
            await AssertErrorAsync(halfPoint, HttpStatusCode.BadRequest, "lat and long");
        using (var pointOnly = await SubmitAsync(("api_key", DevKey), ("service_code", "other"), ("description", "x"), ("lat", "40.6"), ("long", "109.8")))
            await AssertErrorAsync(pointOnly, HttpStatusCode.BadRequest, "address_id");
        using (var noText = await SubmitAsync(("api_key", DevKey), ("service_code", "other"), ("address_id", "tc-b-t1-g1")))
            await AssertErrorAsync(noText, HttpStatusCode.BadRequest, "description");
        using (var json = await _host.Http.PostAsync("/open311/v2/requests.json", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
            await AssertErrorAsync(json, HttpStatusCode.BadRequest, "x-www-form-urlencoded");
        using (var unknown = await _host.Http.GetAsync($"/open311/v2/requests/C-20261123-999999.json?api_key={DevKey}"))
            await AssertErrorAsync(unknown, HttpStatusCode.NotFound, "C-20261123-999999");
        using (var badStatus = await _host.Http.GetAsync($"/open311/v2/requests.json?api_key={DevKey}&status=done"))
            await AssertErrorAsync(badStatus, HttpStatusCode.BadRequest, "status");
        using (var wrongKey = await _host.Http.GetAsync("/open311/v2/requests.json?api_key=guess"))
            await AssertErrorAsync(wrongKey, HttpStatusCode.Forbidden, "api_key");

        using var after = await commissioner.GetAsync("/api/v1/cases?center=tc-b-t1");
        Assert.Equal(total, (await after.ReadAsync<JsonElement>()).GetProperty("total").GetInt32());
    }
}
