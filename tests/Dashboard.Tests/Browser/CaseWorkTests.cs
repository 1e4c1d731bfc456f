using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The case page does the whole case's work (issue 11): the grid worker's photos and documents shown and served on the
/// sign-in cookie with the API's read rights, a note added to the timeline, a reopen asked to confirm, and repeats
/// linked from the page and shown on both cases.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CaseWorkTests(DashboardFixture fixture)
{
    private const int Phone = 390;
    private const string Township = "tc-a-t1";
    private const string Grid = "tc-a-t1-g1";

    /// <summary>A 1×1 PNG the browser can decode (the test JPEG's scan is not a real picture).</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Attachments_ShownOnThePhone_ServedToTheCommissioner_RefusedToAnotherTownship()
    {
        var caseId = await GridWorkerReportsAsync($"路灯杆倾斜，存在倒塌隐患 {Random.Shared.NextInt64(1_000_000, 10_000_000)}");
        using var worker = await fixture.Host.ClientAsync(Actor.GridWorker, Grid);
        await AttachAsync(worker, caseId, Pixel, "现场照片.png");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        await AttachAsync(worker, caseId, pdf, null);

        await using var phone = await fixture.NewPhoneContextAsync(Phone);
        var page = await SignIn.CaseAsync(phone, Actor.Commissioner, Township, caseId);
        var photo = page.Locator("#attachments li[data-n='1'] a.thumb img");
        await Expect(photo).ToBeVisibleAsync();
        await Expect(page.Locator("#attachments li[data-n='1'] a.thumb")).ToHaveAttributeAsync("target", "_blank");
        // The thumbnail loaded: the browser fetched the bytes on the sign-in cookie and could decode them.
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the thumbnail did not load");
        await Expect(page.Locator("#attachments li[data-n='2'] a.doc")).ToHaveTextAsync("文件 2");
        await Artifacts.FullPageAsync(page, "case-attachments-phone");
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"the case page is {await ScrollWidthAsync(page)} px wide at {Phone} px");

        var image = await phone.APIRequest.GetAsync($"/cases/{caseId}/attachments/1");
        Assert.Equal(200, image.Status);
        Assert.Equal("image/png", image.Headers["content-type"]);
        Assert.Equal("nosniff", image.Headers["x-content-type-options"]);
        Assert.StartsWith("inline", image.Headers["content-disposition"], StringComparison.Ordinal);
        using var api = await fixture.Host.ClientAsync(Actor.Commissioner, Township);
        Assert.Equal(await api.GetByteArrayAsync($"/api/v1/cases/{caseId}/attachments/1"), await image.BodyAsync());

        var document = await phone.APIRequest.GetAsync($"/cases/{caseId}/attachments/2");
        Assert.Equal(200, document.Status);
        Assert.Equal("application/pdf", document.Headers["content-type"]);
        Assert.StartsWith("attachment", document.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(pdf, await document.BodyAsync());

        var missing = await phone.APIRequest.GetAsync($"/cases/{caseId}/attachments/9");
        Assert.Equal(404, missing.Status);
        Assert.StartsWith("application/problem+json", missing.Headers["content-type"], StringComparison.Ordinal);

        await using var otherContext = await fixture.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await SignIn.AsAsync(other, Actor.Commissioner, "tc-a-t2");
        var refused = await otherContext.APIRequest.GetAsync($"/cases/{caseId}/attachments/1");
        Assert.Equal(403, refused.Status);
        Assert.StartsWith("application/problem+json", refused.Headers["content-type"], StringComparison.Ordinal);
        Assert.DoesNotContain("image", refused.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_AddedOnThePage_ShowsInTheTimeline()
    {
        var created = await fixture.Host.ReportAsync(Township, Grid, "广场舞音响过大，夜间扰民");
        await using var context = await fixture.NewContextAsync();
        var page = await SignIn.CaseAsync(context, Actor.Commissioner, Township, created.Id);
        var note = $"已电话联系广场舞队负责人 {Random.Shared.Next(1000, 9999)}";
        await page.Locator("#note-text").FillAsync(note);
        await page.Locator("#note-submit").ClickAsync();

        await Expect(page.Locator("p.notice-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#timeline")).ToContainTextAsync(note);
        await Expect(page.Locator("#note-text")).ToHaveValueAsync("");
        using var api = await fixture.Host.ClientAsync(Actor.Commissioner, Township);
        var view = (await api.GetFromJsonAsync<CaseView>($"/api/v1/cases/{created.Id}", DashboardHost.Json))!;
        Assert.Contains(view.Timeline, e => e.Kind == "note" && e.Note == note);
    }

    [Fact]
    public async Task Reopen_AsksToConfirm_ThenReopensTheResolvedCase()
    {
        var created = await fixture.Host.ReportAsync(Township, Grid, "小区消防通道被占用");
        using var api = await fixture.Host.ClientAsync(Actor.Commissioner, Township);
        foreach (var (path, body) in new (string, object)[]
        {
            ("whistle", new { departmentIds = new[] { "tc-a-t1-pol" } }),
            ("resolve", new { outcome = "已清理占道车辆" }),
        })
        {
            using var response = await api.PostAsJsonAsync($"/api/v1/cases/{created.Id}/{path}", body);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        await using var context = await fixture.NewContextAsync();
        var page = await SignIn.CaseAsync(context, Actor.Commissioner, Township, created.Id);
        await page.Locator("#reopen-reason").FillAsync("居民反映车辆又停回通道");
        await page.Locator("#reopen-submit").ClickAsync();
        await Expect(page.Locator("#reopen-confirm-bar")).ToBeVisibleAsync();
        // Asked, not done: the case is still resolved.
        Assert.Equal(CaseState.Resolved, (await api.GetFromJsonAsync<CaseView>($"/api/v1/cases/{created.Id}", DashboardHost.Json))!.State);

        await page.Locator("#reopen-confirm").ClickAsync();
        await Expect(page.Locator("#case-reopened")).ToHaveTextAsync("已重新办理 1 次");
        await Expect(page.Locator("#reopen-panel")).ToHaveCountAsync(0);
        await Expect(page.Locator("p.notice-error")).ToHaveCountAsync(0);
        var view = (await api.GetFromJsonAsync<CaseView>($"/api/v1/cases/{created.Id}", DashboardHost.Json))!;
        Assert.Equal(1, view.Reopens);
        Assert.NotEqual(CaseState.Resolved, view.State);
    }

    [Fact]
    public async Task Repeat_SuggestedAndLinkedOnThePage_ShowsOnBothCases()
    {
        var marker = Random.Shared.NextInt64(1_000_000, 10_000_000);
        var first = await fixture.Host.ReportAsync(Township, Grid, $"菜市场门口垃圾堆积发臭 {marker}", "safetyHazard");
        await fixture.Host.Silo.DeliverAsync(first.Id);
        var second = await fixture.Host.ReportAsync(Township, Grid, $"菜市场门口垃圾堆积发臭 {marker}", "safetyHazard");

        await using var context = await fixture.NewContextAsync();
        var page = await SignIn.CaseAsync(context, Actor.Commissioner, Township, second.Id);
        await Expect(page.Locator("#linked-cases")).ToHaveCountAsync(0);
        var suggestion = page.Locator($"#suggested-repeats li[data-case='{first.Id}']");
        await Expect(suggestion).ToBeVisibleAsync();
        await suggestion.Locator("button[data-link]").ClickAsync();

        await Expect(page.Locator($"#linked-cases li[data-case='{first.Id}'] a")).ToHaveAttributeAsync("href", $"cases/{first.Id}");
        await Artifacts.FullPageAsync(page, "case-repeats-linked");
        await Expect(page.Locator("#repeat-of a")).ToHaveTextAsync(first.Id);
        await Expect(page.Locator($"#suggested-repeats li[data-case='{first.Id}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("p.notice-error")).ToHaveCountAsync(0);

        await page.Locator($"#linked-cases li[data-case='{first.Id}'] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{first.Id}$"));
        await Expect(page.Locator($"#linked-cases li[data-case='{second.Id}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#repeat-of")).ToHaveCountAsync(0);
    }

    private async Task<string> GridWorkerReportsAsync(string summary)
    {
        using var worker = await fixture.Host.ClientAsync(Actor.GridWorker, Grid);
        using var response = await worker.PostAsJsonAsync("/api/v1/cases", new { gridId = Grid, category = "publicSecurity", summary, source = "grid" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonSerializer.Deserialize<CaseView>(text, DashboardHost.Json)!.Id;
    }

    private static async Task AttachAsync(HttpClient worker, string caseId, byte[] bytes, string? fileName)
    {
        using var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var query = fileName is null ? "" : $"?fileName={Uri.EscapeDataString(fileName)}";
        using var response = await worker.PostAsync($"/api/v1/cases/{caseId}/attachments{query}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
