using System.Text.RegularExpressions;
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
        var listed = new List<string>();
        foreach (var row in await rows.AllAsync())
            listed.Add((await row.GetAttributeAsync("data-unit"))!);
        Assert.Equal(townships, listed.Order(StringComparer.Ordinal).ToList());
        await Expect(page.Locator("figure[data-chart=on-time-ack-rate] svg g[data-bar]")).ToHaveCountAsync(townships.Count);
        await Expect(page.Locator($"#stats-reports tr[data-report='{report.Id}']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("stats-duty-month"), FullPage = true });

        var statsCsv = await context.APIRequest.GetAsync((await page.Locator("#stats-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, statsCsv.Status);
        Assert.StartsWith("text/csv", statsCsv.Headers["content-type"]);
        var lines = (await statsCsv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("scope,period,from,to,accepted", lines[0]);
        Assert.StartsWith($"{County},month,2026-11-01,2026-11-30,", lines[1]);

        var rankingCsv = await context.APIRequest.GetAsync((await page.Locator("#ranking-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, rankingCsv.Status);
        Assert.StartsWith("text/csv", rankingCsv.Headers["content-type"]);
        var rankingLines = (await rankingCsv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,scope,period", rankingLines[0]);
        Assert.Equal(townships.Count + 1, rankingLines.Length);

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
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("stats-duty-day-en"), FullPage = true });
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
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("stats-department"), FullPage = true });

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
