using System.Text.RegularExpressions;
using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Reports;
using Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The statistics page (统计考核): figures of a period picked with the period picker, the ranking with its SVG chart,
/// CSV downloads and cadence reports on the sign-in cookie, and the read rights of the API on those downloads.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class StatsPageTests(DashboardFixture fixture)
{
    private const string County = "tc-a";

    [Fact]
    public async Task DutyLeader_PicksPeriod_SeesRankingOfTownships_AndDownloadsCsv()
    {
        await fixture.Host.ReportAsync("tc-a-t2", "tc-a-t2-g1", "统计页测试事件", "wageArrears");
        var city = fixture.Host.App.Services.GetRequiredService<CityModel>();
        var grains = fixture.Host.App.Services.GetRequiredService<IGrainFactory>();
        // The clock is Monday 2026-11-23 09:00 in Asia/Shanghai.
        var report = await grains.GetGrain<IReportScheduleGrain>(County).Produce(ReportKind.Weekly, new LocalDate(2026, 11, 16));

        await using var context = await fixture.NewContextAsync("zh-CN");
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.DutyLeader, County);
        await page.Locator(".nav a[href=stats]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stats$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("统计考核");
        await Expect(page.Locator("#stats-scope")).ToHaveValueAsync(County);
        await Expect(page.Locator("#stats-period")).ToHaveValueAsync("week");
        await Expect(page.Locator("#stats-range")).ToHaveAttributeAsync("data-from", "2026-11-23");
        await Expect(page.Locator("#stats-range")).ToHaveAttributeAsync("data-to", "2026-11-29");
        await Expect(page.Locator("[data-stat=accepted] .counter-value")).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));

        await page.Locator("#stats-period").SelectOptionAsync("month");
        await page.Locator("#stats-form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("period=month"));
        await Expect(page.Locator("#stats-range")).ToHaveAttributeAsync("data-from", "2026-11-01");
        await Expect(page.Locator("#stats-range")).ToHaveAttributeAsync("data-to", "2026-11-30");
        await Expect(page.Locator(".notice-error")).ToHaveCountAsync(0);

        var townships = city.Children(County).Where(c => c.Level == CenterLevel.Township).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        var rows = page.Locator("#stats-ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(townships.Count);
        Assert.Equal(townships, await rows.SortedAttributesAsync("data-unit"));
        await Expect(page.Locator("figure[data-chart=on-time-ack-rate] svg g[data-bar]")).ToHaveCountAsync(townships.Count);
        await Expect(page.Locator($"#stats-reports tr[data-report='{report.Id}']")).ToHaveCountAsync(1);
        await Artifacts.FullPageAsync(page, "stats-duty-month");

        // The page is Chinese, so its downloads are the Chinese CSV for Excel; without lang they keep the API's columns.
        var statsHref = (await page.Locator("#stats-csv").GetAttributeAsync("href"))!;
        Assert.EndsWith("&lang=zh", statsHref);
        var zhCsv = await context.APIRequest.GetAsync(statsHref);
        Assert.Equal(200, zhCsv.Status);
        Assert.StartsWith("text/csv", zhCsv.Headers["content-type"]);
        var zhBytes = await zhCsv.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, zhBytes[..3]);
        var zhLines = System.Text.Encoding.UTF8.GetString(zhBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("单位,周期,起始日期,截止日期,受理数", zhLines[0]);
        Assert.StartsWith($"{city.CenterName(County)},月,2026-11-01,2026-11-30,", zhLines[1]);

        var statsCsv = await context.APIRequest.GetAsync(statsHref.Replace("&lang=zh", "", StringComparison.Ordinal));
        Assert.Equal(200, statsCsv.Status);
        Assert.StartsWith("text/csv", statsCsv.Headers["content-type"]);
        var lines = (await statsCsv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("scope,period,from,to,accepted", lines[0]);
        Assert.StartsWith($"{County},month,2026-11-01,2026-11-30,", lines[1]);

        var rankingHref = (await page.Locator("#ranking-csv").GetAttributeAsync("href"))!;
        var zhRanking = System.Text.Encoding.UTF8.GetString((await (await context.APIRequest.GetAsync(rankingHref)).BodyAsync())[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("排名,单位,周期", zhRanking[0]);
        Assert.Equal(townships.Count + 1, zhRanking.Length);
        Assert.All(zhRanking[1..], row => Assert.Contains(townships, t => row.Split(',')[1] == city.CenterName(t)));
        var rankingCsv = await context.APIRequest.GetAsync(rankingHref.Replace("&lang=zh", "", StringComparison.Ordinal));
        Assert.Equal(200, rankingCsv.Status);
        Assert.StartsWith("text/csv", rankingCsv.Headers["content-type"]);
        var rankingLines = (await rankingCsv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,scope,period", rankingLines[0]);
        Assert.Equal(townships.Count + 1, rankingLines.Length);
        var badLang = await context.APIRequest.GetAsync(statsHref.Replace("lang=zh", "lang=fr", StringComparison.Ordinal));
        Assert.Equal(400, badLang.Status);
        Assert.StartsWith("application/problem+json", badLang.Headers["content-type"]);

        var html = await context.APIRequest.GetAsync($"/stats/reports/{report.Id}/html");
        Assert.Equal(200, html.Status);
        Assert.StartsWith("text/html", html.Headers["content-type"]);
        var reportCsv = await context.APIRequest.GetAsync($"/stats/reports/{report.Id}/csv");
        Assert.Equal(200, reportCsv.Status);
        Assert.StartsWith("text/csv", reportCsv.Headers["content-type"]);

        // English, a department ranking, and the day period.
        await page.GotoAsync($"/stats?scope={County}&period=day&by=department");
        await page.Locator(".lang a", new() { HasText = "English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Statistics");
        await Expect(page.Locator("#stats-range")).ToHaveAttributeAsync("data-from", "2026-11-23");
        await Expect(page.Locator("#stats-range")).ToHaveAttributeAsync("data-to", "2026-11-23");
        await Expect(page.Locator("#stats-by")).ToHaveValueAsync("department");
        Assert.DoesNotContain("lang=zh", await page.Locator("#stats-csv").GetAttributeAsync("href"));
        await Artifacts.FullPageAsync(page, "stats-duty-day-en");
    }

    [Fact]
    public async Task DutyLeader_SeesEachFigureAgainstThePreviousPeriod_InChinese()
    {
        await fixture.Host.ReportAsync("tc-a-t1", "tc-a-t1-g1", "统计趋势测试事件", "wageArrears");
        await using var context = await fixture.NewContextAsync("zh-CN");
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.DutyLeader, County);
        // The clock is Monday 2026-11-23: this day against Sunday 2026-11-22, when nothing was reported.
        await page.GotoAsync($"/stats?scope={County}&period=day");
        await Expect(page.Locator("#stats-previous")).ToHaveAttributeAsync("data-from", "2026-11-22");
        await Expect(page.Locator("#stats-previous")).ToHaveAttributeAsync("data-to", "2026-11-22");
        var tiles = page.Locator("#stats-tiles .stat-tile");
        await Expect(page.Locator("#stats-tiles .stat-trend")).ToHaveCountAsync(await tiles.CountAsync());
        var accepted = int.Parse(await page.Locator("[data-stat=accepted] .counter-value").TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var before = await context.APIRequest.GetAsync($"/stats/csv?scope={County}&period=day&at=2026-11-22");
        var previousAccepted = int.Parse((await before.TextAsync()).Split("\r\n")[1].Split(',')[4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(accepted > previousAccepted, $"{accepted} cases today, {previousAccepted} the day before");
        await Expect(page.Locator("[data-stat=accepted] .stat-trend")).ToHaveAttributeAsync("data-trend", "up");
        await Expect(page.Locator("[data-stat=accepted] .stat-trend")).ToHaveTextAsync($"↑ {accepted - previousAccepted}");
        await Expect(page.Locator("[data-stat=accepted] .stat-trend")).ToHaveClassAsync(new Regex("trend-better"));
        await Expect(page.Locator("[data-stat=median-ack] .counter-value")).Not.ToHaveTextAsync(new Regex("^[0-9]+:[0-9]{2}"));
        var text = await page.Locator("#stats-tiles").InnerTextAsync() + await page.Locator("#stats-previous").InnerTextAsync();
        Assert.Empty(Regex.Matches(text, "[A-Za-z]{2,}"));
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("stats-trends"), FullPage = false });
    }

    [Fact]
    public async Task Department_AskingForAnothersCsv_IsForbidden_AndBadInputIsInvalid()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Department, "tc-a-t2-jud");
        await page.GotoAsync("/stats");
        await Expect(page.Locator("#stats-scope")).ToHaveValueAsync("tc-a-t2-jud");
        await Expect(page.Locator("#stats-scope option")).ToHaveCountAsync(1);
        await Expect(page.Locator("#stats-ranking")).ToHaveCountAsync(0);
        await Artifacts.FullPageAsync(page, "stats-department");

        var own = await context.APIRequest.GetAsync("/stats/csv?scope=tc-a-t2-jud&period=week");
        Assert.Equal(200, own.Status);
        var other = await context.APIRequest.GetAsync("/stats/csv?scope=tc-a-t3-jud&period=week");
        Assert.Equal(403, other.Status);
        Assert.StartsWith("application/problem+json", other.Headers["content-type"]);
        var ranking = await context.APIRequest.GetAsync("/stats/ranking.csv?scope=tc-a-t2&period=week&by=department");
        Assert.Equal(403, ranking.Status);
        var invalid = await context.APIRequest.GetAsync("/stats/csv?scope=tc-a-t2-jud&period=fortnight");
        Assert.Equal(400, invalid.Status);
        Assert.StartsWith("application/problem+json", invalid.Headers["content-type"]);
        var report = await context.APIRequest.GetAsync("/stats/reports/tc-a.weekly.2026-11-16/csv");
        Assert.True(report.Status is 403 or 404, $"status {report.Status}");

        await page.GotoAsync("/stats?scope=tc-a-t3-jud&period=week");
        await Expect(page.Locator(".notice-error")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Downloads_WithoutSignIn_AreNotServed()
    {
        await using var context = await fixture.NewContextAsync();
        var response = await context.APIRequest.GetAsync("/stats/csv?scope=tc-a&period=week", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, response.Status);
    }
}
