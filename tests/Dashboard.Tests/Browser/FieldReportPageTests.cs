using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The grid worker's report page on a 390 px phone: category, summary, location and a camera photo; the first answer is
/// lost on the way back (the silo stored the case, the phone saw a network error), the page retries with the same
/// request id, and exactly one case exists, with the photo stripped of its location.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FieldReportPageTests(DashboardFixture fixture)
{
    private const int Phone = 390;
    private const string Grid = "tc-a-t1-g2";

    [Fact]
    public async Task Phone_ReportWithPhoto_LostAnswerIsRetried_OneCaseWithTheStrippedPhoto()
    {
        using var tokenResponse = await fixture.Host.Http.PostAsJsonAsync("/api/v1/auth/dev-token", new { role = "gridWorker", scope = Grid, name = "王五" });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        await using var context = await fixture.NewPhoneContextAsync(Phone);
        var page = await context.NewPageAsync();
        // The first report reaches the silo, but its answer is lost: the phone sees the network fail.
        var reports = 0;
        await page.RouteAsync("**/api/v1/cases", async route =>
        {
            if (route.Request.Method != "POST" || Interlocked.Increment(ref reports) > 1)
            {
                await route.ContinueAsync();
                return;
            }
            await route.FetchAsync();
            await route.AbortAsync("connectionreset");
        });

        await page.GotoAsync($"/field/report#token={token}");
        await Expect(page.Locator("#report")).ToBeVisibleAsync();
        await page.Locator("#category").SelectOptionAsync("publicSecurity");
        var summary = $"单元门禁损坏，外来人员随意进出 {Random.Shared.NextInt64(1_000_000_000, 10_000_000_000)}";
        await page.Locator("#summary").FillAsync(summary);
        await page.Locator("#location").FillAsync("东一社区3号楼2单元");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = TestJpeg.Create(withLocation: true) });
        await Expect(page.Locator("#photo-count")).ToHaveTextAsync("已选 1 张");
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"the report page is {await ScrollWidthAsync(page)} px wide at {Phone} px");
        var submitHeight = await page.Locator("#submit").EvaluateAsync<double>("b => b.getBoundingClientRect().height");
        Assert.True(submitHeight >= 44, $"the submit button is {submitHeight} px high");
        await Artifacts.FullPageAsync(page, "phone-field-report");
        await page.Locator("#submit").ClickAsync();

        await Expect(page.Locator("#status.ok")).ToContainTextAsync("已上报", new() { Timeout = 60_000 });
        var caseId = await page.Locator("#report").GetAttributeAsync("data-case-id");
        Assert.True(reports >= 2, $"the page sent {reports} report requests");
        using var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, "tc-a-t1");
        await fixture.Host.Silo.DeliverAsync(caseId!);
        using var list = await commissioner.GetAsync("/api/v1/cases?center=tc-a-t1&pageSize=200");
        var items = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("summary").GetString()!.StartsWith(summary, StringComparison.Ordinal)).ToList();
        Assert.Equal(caseId, Assert.Single(items).GetProperty("id").GetString());
        var view = (await commissioner.GetFromJsonAsync<CaseView>($"/api/v1/cases/{caseId}", DashboardHost.Json))!;
        Assert.Equal($"{summary}（位置：东一社区3号楼2单元）", view.Summary);
        Assert.Equal(new Actor("gridWorker", Grid, "王五"), view.ReportedBy);
        var photo = Assert.Single(view.Attachments);
        Assert.Equal(("image/jpeg", false), (photo.ContentType, photo.LocationKept));
        var bytes = await commissioner.GetByteArrayAsync($"/api/v1/cases/{caseId}/attachments/1");
        Assert.False(TestJpeg.Contains(bytes, TestJpeg.GpsText));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('dispatch.field.pending')"));
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
