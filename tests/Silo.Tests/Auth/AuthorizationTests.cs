using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Testing;
using NodaTime.Testing;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Auth;

/// <summary>401 without a good token, 403 when the role or scope does not allow, for each role (API.md, Identity).</summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class AuthorizationTests(SqliteSiloFixture fixture)
{
    private const string Township = "tc-a-t1";
    private const string OtherTownship = "tc-b-t1";
    private readonly SiloHost _host = fixture.Host;

    private async Task<CaseView> ReportAsync(string township = Township, string grid = "tc-a-t1-g1")
    {
        using var client = await _host.ClientAsync("commissioner", township);
        using var response = await client.PostJsonAsync("/api/v1/cases", new { gridId = grid, category = "neighbourDispute", summary = "噪音", source = "grid" });
        return await response.ReadAsync<CaseView>(HttpStatusCode.Created);
    }

    private async Task<SummonsView> WhistleAsync(string caseId, string department)
    {
        using var admin = await _host.ClientAsync("admin");
        using var response = await admin.PostJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { department } });
        return (await response.ReadAsync<SummonsView[]>())[0];
    }

    private HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = _host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Theory]
    [InlineData("/api/v1/org/centers")]
    [InlineData("/api/v1/cases")]
    [InlineData("/api/v1/stream?scope=tc")]
    [InlineData("/api/v1/auth/me")]
    public async Task Get_WithoutToken_Returns401Problem(string path)
    {
        using var response = await _host.Http.GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Post_WithoutToken_Returns401BeforeLookingAtTheBody()
    {
        using var response = await _host.Http.PostRawAsync("/api/v1/cases", "not json");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Get_WithInvalidTokens_Returns401Problem()
    {
        var valid = await _host.TokenAsync("admin");
        var otherKey = new TokenService(TokenSigningKey.FromBase64(TokenSigningKey.GenerateBase64(), "test", out _)!, _host.Clock);
        var sameKey = new TokenService(TokenSigningKey.FromBase64(SiloHost.SigningKey, "test", out _)!, new FakeClock(SiloHost.MondayMorning - Duration.FromDays(10)));
        var parts = valid.Split('.');
        string[] tokens =
        [
            "garbage",
            "dsp1.x.y",
            $"{parts[0]}.{parts[1]}.",
            $"{parts[0]}.{parts[1]}x.{parts[2]}",
            new string('a', TokenService.MaxLength + 1),
            otherKey.Issue("admin", null, "forger", Duration.FromDays(1)),
            sameKey.Issue("admin", null, "expired", Duration.FromDays(1)),
            sameKey.Issue("commissioner", "no-such-township", "stale", Duration.FromDays(100)),
        ];
        foreach (var token in tokens)
        {
            using var client = ClientWith(token);
            using var response = await client.GetAsync("/api/v1/org/centers");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        using var basic = new HttpClient { BaseAddress = _host.Address };
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        using var basicResponse = await basic.GetAsync("/api/v1/org/centers");
        await basicResponse.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("commissioner", "tc-a-t1")]
    [InlineData("department", "tc-a-t1-pol")]
    [InlineData("dutyLeader", "tc-a")]
    [InlineData("admin", null)]
    public async Task PostDevToken_EachRole_ReturnsATokenNamingThePrincipal(string role, string? scope)
    {
        using var response = await _host.Http.PostJsonAsync("/api/v1/auth/dev-token", new { role, scope });
        var token = await response.ReadAsync<JsonElement>();
        Assert.StartsWith("eyJ", token.GetProperty("token").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, token.GetProperty("token").GetString()!.Split('.').Length);

        using var client = ClientWith(token.GetProperty("token").GetString()!);
        using var me = await client.GetAsync("/api/v1/auth/me");
        var actor = await me.ReadAsync<Actor>();
        Assert.Equal((role, scope), (actor.Role, actor.Scope));
        Assert.False(string.IsNullOrEmpty(actor.Name));
    }

    [Theory]
    [InlineData("""{"role":"mayor"}""", "role")]
    [InlineData("""{"scope":"tc"}""", "role")]
    [InlineData("""{"role":"commissioner","scope":"tc-a"}""", "scope")]
    [InlineData("""{"role":"commissioner"}""", "scope")]
    [InlineData("""{"role":"department","scope":"tc-a-t1"}""", "scope")]
    [InlineData("""{"role":"dutyLeader","scope":"tc-a-t1"}""", "scope")]
    [InlineData("""{"role":"admin","scope":"tc"}""", "scope")]
    [InlineData("""{"role":"admin","level":9}""", "level")]
    public async Task PostDevToken_BadRoleOrScope_Returns400(string body, string field)
    {
        using var response = await _host.Http.PostRawAsync("/api/v1/auth/dev-token", body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", field);
    }

    [Fact]
    public async Task Commissioner_OutsideItsTownship_Gets403()
    {
        var own = await ReportAsync();
        var foreign = await ReportAsync(OtherTownship, "tc-b-t1-g1");
        using var commissioner = await _host.ClientAsync("commissioner", Township);

        using (var report = await commissioner.PostJsonAsync("/api/v1/cases", new { gridId = "tc-b-t1-g1", category = "other", summary = "x", source = "grid" }))
            await report.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var read = await commissioner.GetAsync($"/api/v1/cases/{foreign.Id}"))
            await read.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var resolve = await commissioner.PostJsonAsync($"/api/v1/cases/{foreign.Id}/resolve", new { outcome = "x" }))
            await resolve.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var list = await commissioner.GetAsync($"/api/v1/cases?center={OtherTownship}"))
            await list.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var county = await commissioner.GetAsync("/api/v1/cases?center=tc-a"))
            await county.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var inbox = await commissioner.GetAsync("/api/v1/departments/tc-b-t1-pol/summonses"))
            await inbox.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var stream = await commissioner.GetAsync($"/api/v1/stream?scope={OtherTownship}"))
            await stream.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var escalate = await commissioner.PostJsonAsync($"/api/v1/cases/{own.Id}/escalate", new { reason = "x" }))
            await escalate.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var summons = await WhistleAsync(own.Id, "tc-a-t1-pol");
        using (var ack = await commissioner.PostAsync($"/api/v1/summonses/{summons.Id}/ack", content: null))
            await ack.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Department_BeyondItsOwnSummonses_Gets403()
    {
        var created = await ReportAsync();
        var mine = await WhistleAsync(created.Id, "tc-a-t1-pol");
        var theirs = await WhistleAsync(created.Id, "tc-a-t1-jud");
        var unrelated = await ReportAsync();
        using var police = await _host.ClientAsync("department", "tc-a-t1-pol");

        using (var ack = await police.PostAsync($"/api/v1/summonses/{theirs.Id}/ack", content: null))
            await ack.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var inbox = await police.GetAsync("/api/v1/departments/tc-a-t1-jud/summonses"))
            await inbox.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var read = await police.GetAsync($"/api/v1/cases/{unrelated.Id}"))
            await read.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var list = await police.GetAsync("/api/v1/cases"))
            await list.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var report = await police.PostJsonAsync("/api/v1/cases", new { gridId = "tc-a-t1-g1", category = "other", summary = "x", source = "grid" }))
            await report.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var whistle = await police.PostAsync($"/api/v1/cases/{created.Id}/whistle", content: null))
            await whistle.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var stream = await police.GetAsync("/api/v1/stream?scope=tc-a-t1"))
            await stream.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        using var summoned = await police.GetAsync($"/api/v1/cases/{created.Id}");
        Assert.Equal(created.Id, (await summoned.ReadAsync<CaseView>()).Id);
        using var ackMine = await police.PostAsync($"/api/v1/summonses/{mine.Id}/ack", content: null);
        Assert.Equal(HttpStatusCode.OK, ackMine.StatusCode);
    }

    [Fact]
    public async Task DutyLeader_OutsideItsCounty_Gets403()
    {
        var foreign = await ReportAsync(OtherTownship, "tc-b-t1-g1");
        var own = await ReportAsync();
        using var leader = await _host.ClientAsync("dutyLeader", "tc-a");

        using (var read = await leader.GetAsync($"/api/v1/cases/{foreign.Id}"))
            await read.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var escalate = await leader.PostJsonAsync($"/api/v1/cases/{foreign.Id}/escalate", new { reason = "x" }))
            await escalate.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var take = await leader.PostAsync($"/api/v1/cases/{foreign.Id}/take", content: null))
            await take.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var list = await leader.GetAsync("/api/v1/cases?center=tc-b"))
            await list.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var city = await leader.GetAsync("/api/v1/cases?center=tc"))
            await city.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var stream = await leader.GetAsync("/api/v1/stream?scope=tc-b"))
            await stream.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var report = await leader.PostJsonAsync("/api/v1/cases", new { gridId = "tc-a-t1-g1", category = "other", summary = "x", source = "grid" }))
            await report.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var resolve = await leader.PostJsonAsync($"/api/v1/cases/{own.Id}/resolve", new { outcome = "x" }))
            await resolve.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var summons = await WhistleAsync(own.Id, "tc-a-t1-pol");
        using (var ack = await leader.PostAsync($"/api/v1/summonses/{summons.Id}/ack", content: null))
            await ack.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        using var readOwn = await leader.GetAsync($"/api/v1/cases/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, readOwn.StatusCode);
        using var inbox = await leader.GetAsync("/api/v1/departments/tc-a-t1-pol/summonses");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public async Task Admin_ReadsAndActsAnywhere()
    {
        var foreign = await ReportAsync(OtherTownship, "tc-b-t1-g1");
        using var admin = await _host.ClientAsync("admin");

        using (var read = await admin.GetAsync($"/api/v1/cases/{foreign.Id}"))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using (var supervise = await admin.PostJsonAsync($"/api/v1/cases/{foreign.Id}/supervise", new { note = "督办" }))
            Assert.Equal(HttpStatusCode.OK, supervise.StatusCode);
        using var list = await admin.GetAsync("/api/v1/cases?center=tc-b");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
