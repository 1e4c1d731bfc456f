using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;

namespace Dispatch.Silo.Tests.Field;

/// <summary>
/// Grid workers over HTTP: report in their own grid only, read only what they reported, add notes to it, and an
/// Idempotency-Key makes a retried report answer the first case — also after a silo restart.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class GridWorkerApiTests(SqliteSiloFixture fixture)
{
    private const string Grid = "tc-a-t1-g1";
    private const string Township = "tc-a-t1";
    private readonly SiloHost _host = fixture.Host;

    /// <summary>A client with a grid worker's dev token carrying <paramref name="name"/>.</summary>
    internal static async Task<HttpClient> GridWorkerAsync(SiloHost host, string grid, string name)
    {
        using var response = await host.Http.PostAsJsonAsync("/api/v1/auth/dev-token", new { role = "gridWorker", scope = grid, name });
        var token = (await response.ReadAsync<JsonElement>()).GetProperty("token").GetString()!;
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static Task<HttpResponseMessage> ReportAsync(HttpClient client, string grid, string summary, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = JsonContent.Create(new { gridId = grid, category = "neighbourDispute", summary, source = "grid" }, options: SiloHost.Json),
        };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task GridWorker_ReportsInItsGrid_ReadsAndNotesItsOwnCase_OnlyThat()
    {
        using var worker = await GridWorkerAsync(_host, Grid, "王五");
        using var neighbour = await GridWorkerAsync(_host, Grid, "李四");
        using var commissioner = await _host.ClientAsync("commissioner", Township);

        using var created = await ReportAsync(worker, Grid, "楼道堆放杂物");
        var reported = await created.ReadAsync<CaseView>(HttpStatusCode.Created);
        Assert.Equal(new Actor("gridWorker", Grid, "王五"), reported.ReportedBy);
        Assert.Equal($"/api/v1/cases/{reported.Id}", created.Headers.Location?.OriginalString);

        using (var own = await worker.GetAsync($"/api/v1/cases/{reported.Id}"))
            Assert.Equal(reported.Id, (await own.ReadAsync<CaseView>()).Id);
        using (var notOwn = await neighbour.GetAsync($"/api/v1/cases/{reported.Id}"))
        {
            var problem = await notOwn.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            // It names the caller and the case, no other scope.
            Assert.DoesNotContain("tc-", problem.GetProperty("detail").GetString()!.Replace($"gridWorker:{Grid}", ""));
        }

        using var noted = await worker.PostJsonAsync($"/api/v1/cases/{reported.Id}/notes", new { text = "已拍照，物业未处理" });
        var view = await noted.ReadAsync<CaseView>();
        var note = view.Timeline[^1];
        Assert.Equal(("note", "已拍照，物业未处理", "gridWorker", "王五"), (note.Kind, note.Note, note.ActorRole, note.ActorName));
        using (var byCommissioner = await commissioner.PostJsonAsync($"/api/v1/cases/{reported.Id}/notes", new { text = "已联系物业" }))
            Assert.Equal("note", (await byCommissioner.ReadAsync<CaseView>()).Timeline[^1].Kind);

        // What a grid worker may not do changes nothing.
        using (var otherNote = await neighbour.PostJsonAsync($"/api/v1/cases/{reported.Id}/notes", new { text = "x" }))
            await otherNote.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var empty = await worker.PostJsonAsync($"/api/v1/cases/{reported.Id}/notes", new { text = " " }))
            await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "text");
        using (var triage = await worker.PostJsonAsync($"/api/v1/cases/{reported.Id}/triage", new { tier = "general", risk = "blue" }))
            await triage.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var otherGrid = await ReportAsync(worker, "tc-a-t1-g2", "别的网格"))
            await otherGrid.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var list = await worker.GetAsync("/api/v1/cases"))
            await list.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var after = await commissioner.GetAsync($"/api/v1/cases/{reported.Id}"))
            Assert.Equal(view.Version + 1, (await after.ReadAsync<CaseView>()).Version);

        using var byCommissionerCase = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = Grid, category = "other", summary = "委员上报", source = "window" });
        var theirs = await byCommissionerCase.ReadAsync<CaseView>(HttpStatusCode.Created);
        using var foreign = await worker.GetAsync($"/api/v1/cases/{theirs.Id}");
        await foreign.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Report_WithIdempotencyKey_RetryAnswersTheSameCase_AnotherReportUnderTheKeyIs409()
    {
        using var worker = await GridWorkerAsync(_host, Grid, "赵六");
        var key = Guid.NewGuid().ToString();

        using var first = await ReportAsync(worker, Grid, "路面塌陷", key);
        var created = await first.ReadAsync<CaseView>(HttpStatusCode.Created);
        using var retry = await ReportAsync(worker, Grid, "路面塌陷", key);
        var again = await retry.ReadAsync<CaseView>(HttpStatusCode.Created);
        using var concurrentA = ReportAsync(worker, Grid, "井盖缺失", key + "-2");
        using var concurrentB = ReportAsync(worker, Grid, "井盖缺失", key + "-2");
        var both = await Task.WhenAll(concurrentA, concurrentB);

        Assert.Equal((created.Id, created.Version), (again.Id, again.Version));
        var ids = await Task.WhenAll(both.Select(r => r.ReadAsync<CaseView>(HttpStatusCode.Created)));
        Assert.Equal(ids[0].Id, ids[1].Id);
        using var other = await ReportAsync(worker, Grid, "另一件事", key);
        await other.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        using var bad = await ReportAsync(worker, Grid, "x", new string('k', 201));
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "Idempotency-Key");
        // Another principal's same key is another report.
        using var colleague = await GridWorkerAsync(_host, Grid, "钱七");
        using var theirs = await ReportAsync(colleague, Grid, "路面塌陷", key);
        Assert.NotEqual(created.Id, (await theirs.ReadAsync<CaseView>(HttpStatusCode.Created)).Id);
    }

    [Fact]
    public async Task Report_WithIdempotencyKey_RetryAfterRestartAnswersTheSameCase()
    {
        string[] storage = ["--Storage:Provider=sqlite", $"--Storage:ConnectionString={TestDatabases.NewSqliteFile()}"];
        var key = Guid.NewGuid().ToString();
        string id;
        await using (var first = await SiloHost.StartAsync(storage))
        {
            using var worker = await GridWorkerAsync(first, Grid, "王五");
            using var created = await ReportAsync(worker, Grid, "电线老化", key);
            id = (await created.ReadAsync<CaseView>(HttpStatusCode.Created)).Id;
        }
        await using var second = await SiloHost.StartAsync(storage);
        using var again = await GridWorkerAsync(second, Grid, "王五");
        using var retry = await ReportAsync(again, Grid, "电线老化", key);

        Assert.Equal(id, (await retry.ReadAsync<CaseView>(HttpStatusCode.Created)).Id);
        await second.DeliverAsync(id);
        using var commissioner = await second.ClientAsync("commissioner", Township);
        using var list = await commissioner.GetAsync($"/api/v1/cases?center={Township}");
        Assert.Single((await list.ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray(), c => c.GetProperty("summary").GetString() == "电线老化");
    }
}
