using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// Issue 11 on the statistics page: a figure or a ranking number opens the cases behind it (as many as the figure says),
/// and the county's duty leader generates the current period's cadence report from the reports card.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class StatsDrillPageTests(DashboardFixture fixture)
{
    private static async Task<int> NumberAsync(ILocator locator) =>
        int.Parse((await locator.TextContentAsync() ?? "").Trim(), CultureInfo.InvariantCulture);

    /// <summary>Walks every page of the open drill-down list; returns the listed case ids and the sum of their counts.</summary>
    private static async Task<(List<string> Ids, int CountSum)> ListedAsync(IPage page)
    {
        var ids = new List<string>();
        var sum = 0;
        while (true)
        {
            var rows = page.Locator("#stats-drill-cases tbody tr");
            foreach (var row in await rows.AllAsync())
            {
                ids.Add((await row.GetAttributeAsync("data-case"))!);
                sum += int.Parse((await row.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
            }
            if (await page.Locator("#drill-next").CountAsync() == 0) return (ids, sum);
            var pageOf = await page.Locator("#drill-page-of").TextContentAsync();
            await page.Locator("#drill-next").ClickAsync();
            await Expect(page.Locator("#drill-page-of")).Not.ToHaveTextAsync(pageOf!);
        }
    }

    [Fact]
    public async Task DutyLeader_ClicksAFigure_SeesAsManyCasesAsItSays_AndARankingNumbersCases()
    {
        var seeded = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var c = await fixture.Host.ReportAsync("tc-a-t1", "tc-a-t1-g1", $"下钻测试事件 {i}", "wageArrears");
            seeded.Add(c.Id);
        }
        using (var leader = await fixture.Host.ClientAsync(Actor.DutyLeader, "tc-a"))
        {
            using var escalate = await leader.PostAsJsonAsync($"/api/v1/cases/{seeded[0]}/escalate", new { reason = "下钻测试" });
            Assert.True(escalate.IsSuccessStatusCode, await escalate.Content.ReadAsStringAsync());
        }
        foreach (var id in seeded) await fixture.Host.Silo.DeliverAsync(id);

        await using var context = await fixture.NewContextAsync("zh-CN");
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.DutyLeader, "tc-a");
        await page.GotoAsync("/stats?scope=tc-a&period=day&by=township");
        await SignIn.LiveAsync(page);

        var accepted = await NumberAsync(page.Locator("[data-stat=accepted] .counter-value"));
        Assert.True(accepted >= 3, $"accepted {accepted}");
        await page.Locator("[data-stat=accepted] a.stat-drill").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("drill=accepted"));
        await SignIn.LiveAsync(page);
        var total = page.Locator("#stats-drill-total");
        await Expect(total).ToHaveAttributeAsync("data-total", accepted.ToString(CultureInfo.InvariantCulture));
        await Expect(total).ToHaveAttributeAsync("data-sum", accepted.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#stats-drill h2")).ToContainTextAsync("受理数");
        await page.Locator("#stats-drill").ScreenshotAsync(new() { Path = Artifacts.Screenshot("stats-drill-accepted") });
        var (ids, counts) = await ListedAsync(page);
        Assert.Equal(accepted, ids.Count);
        Assert.Equal(accepted, ids.Distinct().Count());
        Assert.Equal(accepted, counts);
        Assert.All(seeded, id => Assert.Contains(id, ids));

        // Escalations may count a case more than once: the cases' counts add up to the figure.
        await page.GotoAsync("/stats?scope=tc-a&period=day&by=township");
        await SignIn.LiveAsync(page);
        var escalations = await NumberAsync(page.Locator("[data-stat=escalations] .counter-value"));
        Assert.True(escalations >= 1, $"escalations {escalations}");
        await page.Locator("[data-stat=escalations] a.stat-drill").ClickAsync();
        await Expect(page.Locator("#stats-drill-total")).ToHaveAttributeAsync("data-sum", escalations.ToString(CultureInfo.InvariantCulture));
        var (escalated, escalationCounts) = await ListedAsync(page);
        Assert.Equal(escalations, escalationCounts);
        Assert.Contains(seeded[0], escalated);

        // A ranking row's number: the cases of that township only.
        await page.GotoAsync("/stats?scope=tc-a&period=day&by=township");
        await SignIn.LiveAsync(page);
        var link = page.Locator("#stats-ranking tr[data-unit='tc-a-t1'] a[data-drill=accepted]");
        var township = await NumberAsync(link);
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("unit=tc-a-t1"));
        await Expect(page.Locator("#stats-drill-total")).ToHaveAttributeAsync("data-unit", "tc-a-t1");
        await Expect(page.Locator("#stats-drill-total")).ToHaveAttributeAsync("data-total", township.ToString(CultureInfo.InvariantCulture));
        var (inTownship, _) = await ListedAsync(page);
        Assert.Equal(township, inTownship.Count);
        Assert.All(seeded, id => Assert.Contains(id, inTownship));

        // A listed id opens the case page.
        await page.Locator($"#stats-drill-cases tr[data-case='{seeded[1]}'] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{seeded[1]}$"));
    }

    [Fact]
    public async Task Drill_InEnglish_AndAFigureWithoutCases_IsAClearError()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Commissioner, "tc-a-t2");
        await page.GotoAsync("/stats?scope=tc-a-t2&period=week&drill=summoned");
        await page.Locator(".lang a", new() { HasText = "English" }).ClickAsync();
        await SignIn.LiveAsync(page);
        await Expect(page.Locator("#stats-drill h2")).ToContainTextAsync("the cases");
        var summoned = await NumberAsync(page.Locator("[data-stat=summoned] .counter-value"));
        await Expect(page.Locator("#stats-drill-total")).ToHaveAttributeAsync("data-sum", summoned.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-stat=completion-rate] a")).ToHaveCountAsync(0);

        await page.GotoAsync("/stats?scope=tc-a-t2&period=week&drill=completion-rate");
        await Expect(page.Locator("#stats-drill .notice-error")).ToContainTextAsync("completion-rate");
        // Another township's cases: the statistics' own read rights.
        await page.GotoAsync("/stats?scope=tc-a-t2&period=week&drill=accepted&unit=tc-a-t3");
        await Expect(page.Locator("#stats-drill .notice-error")).ToHaveCountAsync(1);
        await Expect(page.Locator("#stats-drill-cases")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DutyLeader_GeneratesTheCurrentWeeksReport_ThenOpensIt()
    {
        await using var context = await fixture.NewContextAsync("zh-CN");
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.DutyLeader, "tc-b");
        await page.GotoAsync("/stats?scope=tc-b&period=week");
        await SignIn.LiveAsync(page);
        var button = page.Locator("#report-produce-button");
        await Expect(button).ToBeEnabledAsync();
        await Expect(button).ToHaveTextAsync("生成本期报表");
        // The clock is Monday 2026-11-23: this week's report so far.
        const string id = "tc-b.weekly.2026-11-23";
        await Expect(page.Locator($"#stats-reports tr[data-report='{id}']")).ToHaveCountAsync(0);

        await page.Locator("#report-kind").SelectOptionAsync("Weekly");
        await button.ClickAsync();

        await Expect(page.Locator("#report-produced")).ToHaveAttributeAsync("data-report", id);
        await Expect(page.Locator("#report-produced")).ToContainTextAsync("周分析");
        await Expect(button).ToBeEnabledAsync();
        var row = page.Locator($"#stats-reports tr[data-report='{id}']");
        await Expect(row).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("stats-report-produced"), FullPage = true });
        var html = await context.APIRequest.GetAsync((await row.Locator("a[target=_blank]").GetAttributeAsync("href"))!);
        Assert.Equal(200, html.Status);
        Assert.StartsWith("text/html", html.Headers["content-type"]);
        Assert.Contains("2026", await html.TextAsync());
        var csv = await context.APIRequest.GetAsync((await row.Locator("a[download]").GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);

        // A commissioner reads no reports and produces none.
        await using var other = await fixture.NewContextAsync("zh-CN");
        var commissioner = await other.NewPageAsync();
        await SignIn.AsAsync(commissioner, Actor.Commissioner, "tc-b-t1");
        await commissioner.GotoAsync("/stats");
        await SignIn.LiveAsync(commissioner);
        await Expect(commissioner.Locator("#report-produce-button")).ToHaveCountAsync(0);
    }
}
