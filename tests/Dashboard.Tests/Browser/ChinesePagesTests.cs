using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Orleans;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// Every page a user can reach, in Chinese, as the role that uses it, with a case that was whistled, acknowledged and
/// escalated: no English words in what is shown or in titles, labels and placeholders (ids and "English" aside). The
/// words found on every page are reported together, so one run names everything left to translate.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ChinesePagesTests(DashboardFixture fixture)
{
    private const string Township = "tc-a-t2";
    private const string County = "tc-a";

    [Fact]
    public async Task EveryPage_InChinese_ShowsNoEnglishWords()
    {
        var caseId = await WhistledAcknowledgedEscalatedCaseAsync();
        await fixture.Host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IReportScheduleGrain>(County)
            .Produce(ReportKind.Weekly, new LocalDate(2026, 11, 16));
        var found = new List<string>();

        async Task CheckAsync(IPage page, string name)
        {
            var words = await ChineseText.LatinWordsAsync(page);
            if (words.Count > 0)
                found.Add($"{name}: {string.Join(", ", words)}");
        }

        await using var anonymousContext = await fixture.NewContextAsync("zh-CN");
        var anonymous = await anonymousContext.NewPageAsync();
        await anonymous.GotoAsync("/signin");
        await Expect(anonymous.Locator("#signin-gridWorker")).ToBeVisibleAsync();
        await CheckAsync(anonymous, "signin");
        await anonymous.GotoAsync("/denied");
        await Expect(anonymous.Locator("h1")).ToBeVisibleAsync();
        await CheckAsync(anonymous, "denied");

        await using var commissionerContext = await fixture.NewContextAsync("zh-CN");
        var commissioner = await commissionerContext.NewPageAsync();
        await SignIn.AsAsync(commissioner, Actor.Commissioner, Township);
        await Expect(commissioner).ToHaveURLAsync(new Regex("/console$"));
        await SignIn.LiveAsync(commissioner);
        await Expect(commissioner.Locator($"article.case-card[data-case='{caseId}']")).ToHaveCountAsync(1);
        await CheckAsync(commissioner, "console");
        await LiveCaseAsync(commissioner, caseId);
        await CheckAsync(commissioner, "case (commissioner)");

        await using var departmentContext = await fixture.NewContextAsync("zh-CN");
        var department = await departmentContext.NewPageAsync();
        await SignIn.AsAsync(department, Actor.Department, $"{Township}-pol");
        await Expect(department).ToHaveURLAsync(new Regex("/inbox$"));
        await SignIn.LiveAsync(department);
        await Expect(department.Locator($".summons-card[data-case='{caseId}']")).ToBeVisibleAsync();
        await CheckAsync(department, "inbox");
        await LiveCaseAsync(department, caseId);
        await CheckAsync(department, "case (department)");

        await using var dutyContext = await fixture.NewContextAsync("zh-CN");
        var duty = await dutyContext.NewPageAsync();
        await SignIn.AsAsync(duty, Actor.DutyLeader, County);
        await Expect(duty).ToHaveURLAsync(new Regex("/duty$"));
        await SignIn.LiveAsync(duty);
        await Expect(duty.Locator($"#escalation-feed li.feed-item[data-case='{caseId}']")).ToHaveCountAsync(1);
        await CheckAsync(duty, "duty");
        await duty.GotoAsync("/duty?wall=true");
        await Expect(duty.Locator(".duty-board.wall")).ToBeVisibleAsync();
        await SignIn.LiveAsync(duty);
        await CheckAsync(duty, "duty (wall)");
        await LiveCaseAsync(duty, caseId);
        await CheckAsync(duty, "case (duty leader)");
        await duty.GotoAsync("/stats?period=month");
        await Expect(duty.Locator("#stats-ranking tbody tr").First).ToBeVisibleAsync();
        await Expect(duty.Locator("#stats-reports tr[data-report]").First).ToBeVisibleAsync();
        await CheckAsync(duty, "stats");

        await using var adminContext = await fixture.NewContextAsync("zh-CN");
        var admin = await adminContext.NewPageAsync();
        await SignIn.AsAsync(admin, Actor.Admin);
        await Expect(admin).ToHaveURLAsync(new Regex("/duty$"));
        await SignIn.LiveAsync(admin);
        await Expect(admin.Locator("#townships tr.county-row").First).ToBeVisibleAsync();
        await CheckAsync(admin, "duty (city)");

        await using var gridContext = await fixture.NewContextAsync("zh-CN");
        var grid = await gridContext.NewPageAsync();
        await SignIn.AsAsync(grid, Actor.GridWorker, $"{Township}-g1");
        await Expect(grid).ToHaveURLAsync(new Regex("/field/report$"));
        await Expect(grid.Locator("#report")).ToBeVisibleAsync();
        await CheckAsync(grid, "field report");
        await grid.GotoAsync("/field/mine");
        await Expect(grid.Locator("#my-reports")).ToBeVisibleAsync();
        await CheckAsync(grid, "my reports");

        Assert.True(found.Count == 0, "English words in Chinese pages:\n" + string.Join("\n", found));
    }

    /// <summary>Opens the case page and waits until it is live, its timeline and summons board shown.</summary>
    private static async Task LiveCaseAsync(IPage page, string caseId)
    {
        await page.GotoAsync($"/cases/{caseId}");
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await SignIn.LiveAsync(page);
        await Expect(page.Locator(".timeline-escalated").First).ToBeVisibleAsync();
    }

    /// <summary>A case of 西街道 whistled to two departments; the police station acknowledged; the county's leader escalated it.</summary>
    private async Task<string> WhistledAcknowledgedEscalatedCaseAsync()
    {
        var created = await fixture.Host.ReportAsync(Township, $"{Township}-g1", "西街道小区停车纠纷，双方争执不下");
        using var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, Township);
        using var whistle = await commissioner.PostAsJsonAsync($"/api/v1/cases/{created.Id}/whistle",
            new { departmentIds = new[] { $"{Township}-pol", $"{Township}-jud" } });
        Assert.True(whistle.IsSuccessStatusCode, await whistle.Content.ReadAsStringAsync());
        var police = (await whistle.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(s => s.GetProperty("departmentId").GetString() == $"{Township}-pol").GetProperty("id").GetString();
        using var department = await fixture.Host.ClientAsync(Actor.Department, $"{Township}-pol");
        using var ack = await department.PostAsync($"/api/v1/summonses/{police}/ack", null);
        Assert.True(ack.IsSuccessStatusCode, await ack.Content.ReadAsStringAsync());
        using var leader = await fixture.Host.ClientAsync(Actor.DutyLeader, County);
        using var escalate = await leader.PostAsJsonAsync($"/api/v1/cases/{created.Id}/escalate", new { reason = "双方情绪激动，需区级协调" });
        Assert.True(escalate.IsSuccessStatusCode, await escalate.Content.ReadAsStringAsync());
        await fixture.Host.Silo.DeliverAsync(created.Id);
        return created.Id;
    }
}
