using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The sign-in page's department picker: grouped by center (a township's group names its county), and typing part of a
/// name leaves only the departments that match, the first of them selected, so a department on site finds itself among
/// hundreds without scrolling one long list. The grid picker works the same way, grouped by township; a grid worker
/// lands on the report page, reports, and finds the case in "我的上报" — only what it reported itself.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInPickerTests(DashboardFixture fixture)
{
    [Fact]
    public async Task DepartmentPicker_FiltersByName_GroupedByCenter_AndSignsIn()
    {
        await using var context = await fixture.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        var select = page.Locator("#department-scope");
        await Expect(select.Locator("optgroup[label='甲区 · 西街道'] option[value='tc-a-t2-pol']")).ToHaveCountAsync(1);
        await Expect(select.Locator("optgroup[label='甲区'] option[value='tc-a-psb']")).ToHaveCountAsync(1);

        await page.Locator("#department-filter").FillAsync("司法所");
        var shown = await select.EvaluateAsync<string[]>("s => [...s.options].filter(o => !o.hidden).map(o => o.textContent)");
        Assert.Equal(["东街司法所", "西街司法所", "北镇司法所"], shown.Take(3));
        Assert.All(shown, name => Assert.Contains("司法所", name, StringComparison.Ordinal));
        Assert.Equal("tc-a-t1-jud", await select.InputValueAsync());
        var groups = await select.EvaluateAsync<string[]>("s => [...s.querySelectorAll('optgroup')].filter(g => !g.hidden).map(g => g.label)");
        Assert.DoesNotContain("测试市", groups);
        await Expect(page.Locator("#department-filter-empty")).ToBeHiddenAsync();

        // A township's name finds its departments; nonsense finds nothing and says so.
        await page.Locator("#department-filter").FillAsync("西街道");
        Assert.Equal(["西街派出所", "西街司法所", "西街道人民调解委员会"],
            await select.EvaluateAsync<string[]>("s => [...s.options].filter(o => !o.hidden).map(o => o.textContent)"));
        await page.Locator("#department-filter").FillAsync("无此部门");
        await Expect(page.Locator("#department-filter-empty")).ToBeVisibleAsync();

        await page.Locator("#department-filter").FillAsync("西街派出");
        Assert.Equal("tc-a-t2-pol", await select.InputValueAsync());
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("signin-department-filter"), FullPage = false });
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await page.Locator("#signin-department button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.Locator(".inbox-board h1")).ToContainTextAsync("西街派出所");
    }

    [Fact]
    public async Task GridWorker_PicksGrid_Reports_AndSeesOnlyItsOwnReportsInMyReports()
    {
        // Someone else's case in the same grid: the grid worker may not read it, so it is not among its reports.
        var other = await fixture.Host.ReportAsync("tc-a-t1", "tc-a-t1-g3", "东二社区路灯损坏（政法委员受理）");
        using (var anonymous = await fixture.Host.Http.GetAsync("/field/token"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }

        await using var context = await fixture.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        var select = page.Locator("#gridWorker-scope");
        // A village's grids are grouped under its township.
        await Expect(select.Locator("optgroup[label='甲区 · 东街道'] option[value='tc-a-t1-g3']")).ToHaveCountAsync(1);
        await page.Locator("#grid-filter").FillAsync("东二社区");
        Assert.Equal(["东二社区第1网格"], await select.EvaluateAsync<string[]>("s => [...s.options].filter(o => !o.hidden).map(o => o.textContent)"));
        Assert.Equal("tc-a-t1-g3", await select.InputValueAsync());
        await page.Locator("#grid-filter").FillAsync("无此网格");
        await Expect(page.Locator("#grid-filter-empty")).ToBeVisibleAsync();
        await page.Locator("#grid-filter").FillAsync("东二");
        await page.Locator("#signin-gridWorker button[type=submit]").ClickAsync();

        // The report page, with the sign-in's token: no token to paste.
        await Expect(page).ToHaveURLAsync(new Regex("/field/report$"));
        await Expect(page.Locator("#report")).ToBeVisibleAsync();
        await Expect(page.Locator("#token-card")).ToBeHiddenAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("东二社区第1网格网格员 · 东街道 · 东二社区第1网格");
        await Expect(page.Locator("#who")).Not.ToContainTextAsync("tc-a-t1-g3");
        // The category is chosen, not pre-set: a report without one is refused on the page.
        await Expect(page.Locator("#category")).ToHaveValueAsync("");
        await page.Locator("#summary").FillAsync("路灯不亮");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("请选择类别");
        await page.Locator("#category").SelectOptionAsync("propertyManagement");
        var summary = $"东二社区3号楼电梯困人，物业未到场 {Random.Shared.NextInt64(1_000_000_000, 10_000_000_000)}";
        await page.Locator("#summary").FillAsync(summary);
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#status.ok")).ToContainTextAsync("已上报");
        var caseId = (await page.Locator("#report").GetAttributeAsync("data-case-id"))!;
        await fixture.Host.Silo.DeliverAsync(caseId);

        await page.Locator("#my-reports-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/field/mine$"));
        var cards = page.Locator("#my-reports article.case-card");
        await Expect(cards.First).ToHaveAttributeAsync("data-case", caseId);
        await Expect(cards.First).ToContainTextAsync(summary);
        await Expect(cards.First.Locator(".badge.state")).ToHaveTextAsync("已受理");
        await Expect(page.Locator($"#my-reports article[data-case='{other.Id}']")).ToHaveCountAsync(0);
        // Live: the commissioner whistles the reported case, and the list shows the summoned department without a reload.
        await SignIn.LiveAsync(page);
        using (var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, "tc-a-t1"))
        {
            using var whistle = await commissioner.PostAsJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { "tc-a-t1-pol" } });
            Assert.True(whistle.IsSuccessStatusCode, await whistle.Content.ReadAsStringAsync());
        }
        await Expect(cards.First.Locator("li.chip[data-department='tc-a-t1-pol']")).ToBeVisibleAsync();
        await Expect(cards.First.Locator(".badge.state")).Not.ToHaveTextAsync("已受理");
        // The nav offers only what a grid worker may use.
        Assert.Equal(["网格上报", "我的上报"], await page.Locator(".topbar .nav a").AllInnerTextsAsync());
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await ChineseText.AssertChineseAsync(page, "my reports");
        await Artifacts.FullPageAsync(page, "phone-my-reports");

        // The case page of its own report opens; the other case's does not.
        await cards.First.Locator("a.case-id").ClickAsync();
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await page.GotoAsync($"/cases/{other.Id}");
        await Expect(page.Locator(".notice-error")).ToBeVisibleAsync();
    }
}
