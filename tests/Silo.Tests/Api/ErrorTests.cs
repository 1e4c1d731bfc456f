using System.Net;
using System.Net.Http.Headers;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Every error class of the API answers problem+json with its stable type, and bad input changes nothing.</summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class ErrorTests(SqliteSiloFixture fixture)
{
    private const string Township = "tc-a-t1";
    private const string ValidCase = """{"gridId":"tc-a-t1-g1","category":"labour","summary":"欠薪","source":"hotline"}""";
    private readonly SiloHost _host = fixture.Host;

    private Task<HttpClient> CommissionerAsync() => _host.ClientAsync("commissioner", Township);

    private async Task<CaseView> ReportAsync(HttpClient client)
    {
        using var response = await client.PostRawAsync("/api/v1/cases", ValidCase);
        return await response.ReadAsync<CaseView>(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("{\"gridId\":\"tc-a-t1-g1\",", "body")]
    [InlineData("not json", "body")]
    [InlineData("[1,2]", "body")]
    [InlineData("null", "body")]
    public async Task PostCases_MalformedJson_Returns400OnBody(string json, string field)
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", json);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", field);
    }

    [Fact]
    public async Task PostCases_NoBody_Returns400OnBody()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostAsync("/api/v1/cases", content: null);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "body");
    }

    [Fact]
    public async Task PostCases_EmptyJsonBody_Returns400OnBody()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", "");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "body");
    }

    [Fact]
    public async Task PostCases_UnknownField_Returns400NamingIt()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", ValidCase.Replace("}", ",\"priority\":1}", StringComparison.Ordinal));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "priority");
        Assert.Equal("Unknown field.", problem.GetProperty("errors").GetProperty("priority")[0].GetString());
    }

    [Fact]
    public async Task PostCases_BadEnumValue_Returns400ListingTheValues()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", ValidCase.Replace("\"labour\"", "\"noise\"", StringComparison.Ordinal));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "category");
        Assert.Contains("wageArrears", problem.GetProperty("errors").GetProperty("category")[0].GetString());
    }

    [Fact]
    public async Task PostCases_WrongJsonType_Returns400NamingTheField()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", ValidCase.Replace("\"欠薪\"", "42", StringComparison.Ordinal));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "summary");
    }

    [Fact]
    public async Task PostCases_MissingAndEmptyFields_Returns400ForEach()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", """{"summary":"   "}""");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors");
        Assert.All(["gridId", "category", "summary", "source"], f => Assert.True(errors.TryGetProperty(f, out _), $"no error on {f}: {errors}"));
    }

    [Fact]
    public async Task PostCases_SummaryOver4000Characters_Returns400()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", ValidCase.Replace("欠薪", new string('长', 4001), StringComparison.Ordinal));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "summary");
    }

    [Theory]
    [InlineData("bad id!")]
    [InlineData("no-such-grid")]
    public async Task PostCases_BadOrUnknownGrid_Returns400(string grid)
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", ValidCase.Replace("tc-a-t1-g1", grid, StringComparison.Ordinal));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "gridId");
    }

    [Fact]
    public async Task PostCases_TextPlain_Returns415()
    {
        using var client = await CommissionerAsync();
        using var response = await client.PostRawAsync("/api/v1/cases", ValidCase, "text/plain");
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task PostCases_BodyOver64KB_Returns413()
    {
        using var client = await CommissionerAsync();
        var big = ValidCase.Replace("欠薪", new string('x', 70_000), StringComparison.Ordinal);
        using var response = await client.PostRawAsync("/api/v1/cases", big);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task PostCases_ChunkedBodyOver64KB_Returns413()
    {
        using var client = await CommissionerAsync();
        var content = new StreamContent(new MemoryStream(new byte[70_000]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task PostWhistle_UnknownDepartment_Returns400AndSummonsNobody()
    {
        using var client = await CommissionerAsync();
        var created = await ReportAsync(client);

        using var response = await client.PostRawAsync($"/api/v1/cases/{created.Id}/whistle", """{"departmentIds":["tc-a-t1-pol","no-such-dept"]}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "departmentIds[1]");
        using var read = await client.GetAsync($"/api/v1/cases/{created.Id}");
        var view = await read.ReadAsync<CaseView>();
        Assert.Equal((CaseState.Reported, 0), (view.State, view.Summonses.Count));
    }

    [Theory]
    [InlineData("ackWithin", "PT0.5S")]
    [InlineData("ackWithin", "thirty minutes")]
    [InlineData("arriveWithin", "P1M")]
    [InlineData("arriveWithin", "PT0S")]
    public async Task PostWhistle_BadDuration_Returns400(string field, string value)
    {
        using var client = await CommissionerAsync();
        var created = await ReportAsync(client);
        using var response = await client.PostRawAsync($"/api/v1/cases/{created.Id}/whistle", $"{{\"{field}\":\"{value}\"}}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", field);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("null")]
    public async Task PostFollowUp_SatisfactionOutside1To5_Returns400(string satisfaction)
    {
        using var client = await CommissionerAsync();
        var created = await ReportAsync(client);
        using var response = await client.PostRawAsync($"/api/v1/cases/{created.Id}/follow-up", $"{{\"satisfaction\":{satisfaction}}}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "satisfaction");
    }

    [Fact]
    public async Task PostResolve_EmptyOutcome_Returns400AndLeavesTheCase()
    {
        using var client = await CommissionerAsync();
        var created = await ReportAsync(client);

        using var response = await client.PostRawAsync($"/api/v1/cases/{created.Id}/resolve", """{"outcome":""}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "outcome");
        using var read = await client.GetAsync($"/api/v1/cases/{created.Id}");
        var view = await read.ReadAsync<CaseView>();
        Assert.Equal((CaseState.Reported, created.Version), (view.State, view.Version));
    }

    [Fact]
    public async Task PostTriage_MissingTier_Returns400()
    {
        using var client = await CommissionerAsync();
        var created = await ReportAsync(client);
        using var response = await client.PostRawAsync($"/api/v1/cases/{created.Id}/triage", """{"risk":"red"}""");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "tier");
    }

    [Theory]
    [InlineData("/api/v1/cases/bad%20id")]
    [InlineData("/api/v1/org/centers/bad%20id")]
    [InlineData("/api/v1/departments/bad%20id/summonses")]
    [InlineData("/api/v1/duty/bad%20id/now")]
    [InlineData("/api/v1/cases?pageSize=201")]
    [InlineData("/api/v1/cases?page=0")]
    [InlineData("/api/v1/cases?state=lost")]
    [InlineData("/api/v1/cases?overdue=maybe")]
    [InlineData("/api/v1/departments/tc-a-t1-pol/summonses?state=some")]
    [InlineData("/api/v1/duty/tc-a/rota?from=yesterday")]
    [InlineData("/api/v1/duty/tc-a/rota?from=2026-11-23&to=2026-11-01")]
    [InlineData("/api/v1/stream?scope=bad%20id")]
    public async Task Get_BadIdOrQuery_Returns400(string path)
    {
        using var admin = await _host.ClientAsync("admin");
        using var response = await admin.GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Theory]
    [InlineData("/api/v1/cases/C-20261123-999999")]
    [InlineData("/api/v1/cases/not-a-case-id")]
    [InlineData("/api/v1/org/centers/nowhere")]
    [InlineData("/api/v1/org/departments?center=nowhere")]
    [InlineData("/api/v1/org/grids?center=nowhere")]
    [InlineData("/api/v1/departments/nobody/summonses")]
    [InlineData("/api/v1/duty/tc-a-t1/now")]
    [InlineData("/api/v1/cases?center=nowhere")]
    [InlineData("/api/v1/stream?scope=nowhere")]
    [InlineData("/api/v1/no/such/path")]
    public async Task Get_UnknownIdOrPath_Returns404(string path)
    {
        using var admin = await _host.ClientAsync("admin");
        using var response = await admin.GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("/api/v1/summonses/C-20261123-999999.S1/ack", "{}")]
    [InlineData("/api/v1/summonses/not-a-summons/ack", "{}")]
    [InlineData("/api/v1/cases/C-20261123-999999/resolve", "{\"outcome\":\"x\"}")]
    public async Task Post_UnknownCaseOrSummons_Returns404(string path, string body)
    {
        using var admin = await _host.ClientAsync("admin");
        using var response = await admin.PostRawAsync(path, body);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Delete_OnAReadOnlyPath_Returns405Problem()
    {
        using var admin = await _host.ClientAsync("admin");
        using var response = await admin.DeleteAsync("/api/v1/org/centers");
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task PostAck_SummonsAlreadyFedBack_Returns409()
    {
        using var client = await CommissionerAsync();
        using var police = await _host.ClientAsync("department", "tc-a-t1-pol");
        var created = await ReportAsync(client);
        using var whistle = await client.PostRawAsync($"/api/v1/cases/{created.Id}/whistle", """{"departmentIds":["tc-a-t1-pol"]}""");
        var summons = (await whistle.ReadAsync<SummonsView[]>())[0];
        using (var decline = await police.PostRawAsync($"/api/v1/summonses/{summons.Id}/decline", """{"reason":"不归我管"}"""))
            Assert.Equal(HttpStatusCode.OK, decline.StatusCode);

        using var ack = await police.PostAsync($"/api/v1/summonses/{summons.Id}/ack", content: null);

        await ack.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task PostAck_Repeated_Returns200Unchanged()
    {
        using var client = await CommissionerAsync();
        using var police = await _host.ClientAsync("department", "tc-a-t1-pol");
        var created = await ReportAsync(client);
        using var whistle = await client.PostRawAsync($"/api/v1/cases/{created.Id}/whistle", """{"departmentIds":["tc-a-t1-pol"]}""");
        var summons = (await whistle.ReadAsync<SummonsView[]>())[0];
        using var first = await police.PostAsync($"/api/v1/summonses/{summons.Id}/ack", content: null);
        var acked = await first.ReadAsync<SummonsView>();

        using var again = await police.PostAsync($"/api/v1/summonses/{summons.Id}/ack", content: null);

        var repeated = await again.ReadAsync<SummonsView>();
        Assert.Equal((SummonsState.Acknowledged, acked.Version, acked.AckedAt), (repeated.State, repeated.Version, repeated.AckedAt));
    }
}
