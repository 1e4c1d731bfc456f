using System.Net;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Live;

/// <summary>
/// The SSE stream as a browser's EventSource uses it: the token as <c>access_token</c>, no scope (the caller's own), an
/// <c>id:</c> on every event, and reconnection with Last-Event-ID replaying what was missed from the silo's buffer
/// (<c>Live:ReplayCapacity</c>, five here), or <c>event: reset</c> when that is not possible.
/// </summary>
public sealed class StreamResumeTests(StreamResumeTests.Fixture fixture) : IClassFixture<StreamResumeTests.Fixture>
{
    private readonly SiloHost _host = fixture.Host;

    public sealed class Fixture : IAsyncLifetime
    {
        public SiloHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await SiloHost.StartSqliteAsync("--Live:ReplayCapacity=5");

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private async Task<CaseView> ReportAsync(string township = "tc-a-t1")
    {
        using var commissioner = await _host.ClientAsync("commissioner", township);
        using var response = await commissioner.PostJsonAsync("/api/v1/cases", new { gridId = $"{township}-g1", category = "labour", summary = "欠薪", source = "grid" });
        return await response.ReadAsync<CaseView>(HttpStatusCode.Created);
    }

    private static Func<JsonElement, bool> Case(string id) => data => data.GetProperty("id").GetString() == id;

    private static long Sequence(string? id) => long.Parse(id!.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AccessTokenQuery_WithoutScope_StreamsTheCallersOwnScope_WithIds()
    {
        var token = await _host.TokenAsync("commissioner", "tc-b-t1");
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        await using var stream = await ServerSentEventReader.OpenPathAsync(anonymous, $"/api/v1/stream?access_token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);

        var foreign = await ReportAsync("tc-a-t1");
        var own = await ReportAsync("tc-b-t1");

        await stream.NextAsync("case", Case(own.Id));
        Assert.DoesNotContain(stream.Received, m => m.Data.GetProperty("id").GetString() == foreign.Id);
        Assert.All(stream.Ids, id => Assert.Matches("^[0-9a-f]{8}\\.[0-9]+$", id));
    }

    [Fact]
    public async Task AccessTokenQuery_Invalid_Is401Problem_AndOnlyTheStreamAndHubTakeIt()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        using (var bad = await anonymous.GetAsync("/api/v1/stream?access_token=not-a-token"))
            await bad.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var token = await _host.TokenAsync("admin");
        using var elsewhere = await anonymous.GetAsync($"/api/v1/auth/me?access_token={Uri.EscapeDataString(token)}");
        await elsewhere.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Admin_WithoutScope_StreamsTheWholeCity()
    {
        using var admin = await _host.ClientAsync("admin");
        await using var stream = await ServerSentEventReader.OpenPathAsync(admin, "/api/v1/stream");

        var a = await ReportAsync("tc-a-t1");
        var b = await ReportAsync("tc-b-t1");

        await stream.ReceivedOrNextAsync("case", Case(a.Id));
        await stream.ReceivedOrNextAsync("case", Case(b.Id));
    }

    [Fact]
    public async Task Reconnect_WithLastEventId_ReplaysWhatWasMissed_InOrder()
    {
        using var commissioner = await _host.ClientAsync("commissioner", "tc-a-t2");
        string lastId;
        await using (var first = await ServerSentEventReader.OpenPathAsync(commissioner, "/api/v1/stream"))
        {
            var seen = await ReportAsync("tc-a-t2");
            await first.NextAsync("case", Case(seen.Id));
            lastId = first.Ids[^1]!;
        }
        var missed1 = await ReportAsync("tc-a-t2");
        var missed2 = await ReportAsync("tc-a-t2");

        // As a header (EventSource does this), and as the lastEventId query parameter.
        await using (var header = await ServerSentEventReader.OpenPathAsync(commissioner, "/api/v1/stream", lastId))
        {
            await header.NextAsync("case", Case(missed2.Id));
            Assert.Equal(new[] { missed1.Id, missed2.Id }, header.Received.Select(m => m.Data.GetProperty("id").GetString()!).ToArray());
            Assert.True(Sequence(header.Ids[0]) > Sequence(lastId) && Sequence(header.Ids[1]) > Sequence(header.Ids[0]));
        }
        await using var query = await ServerSentEventReader.OpenPathAsync(commissioner, $"/api/v1/stream?lastEventId={Uri.EscapeDataString(lastId)}");
        await query.NextAsync("case", Case(missed2.Id));
        Assert.Equal(missed1.Id, query.Received[0].Data.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Reconnect_WithAnIdTooOldOrUnknown_GetsAResetWithAFreshId()
    {
        using var commissioner = await _host.ClientAsync("commissioner", "tc-a-t1");
        string oldId;
        await using (var first = await ServerSentEventReader.OpenPathAsync(commissioner, "/api/v1/stream"))
        {
            var seen = await ReportAsync();
            await first.NextAsync("case", Case(seen.Id));
            oldId = first.Ids[^1]!;
        }
        for (var i = 0; i < 6; i++)
            await ReportAsync();
        var epoch = oldId.Split('.')[0];

        foreach (var id in new[] { oldId, "00000000.1", $"{epoch}.999999999", "garbage" })
        {
            await using var again = await ServerSentEventReader.OpenPathAsync(commissioner, "/api/v1/stream", id);
            var reset = await again.NextAsync("reset");
            Assert.Contains("reload", reset.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.StartsWith(epoch + ".", again.Ids[0], StringComparison.Ordinal);
            Assert.True(Sequence(again.Ids[0]) > Sequence(oldId));
        }
    }
}
