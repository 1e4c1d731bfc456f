using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The interactive pages live on their circuit: a whistle blown through the API reaches an open inbox within 2 s without
/// the page being loaded or fetched again, and when the silo restarts the page shows Blazor's reconnect UI in Chinese,
/// then comes back live on the new silo by itself.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveCircuitTests(DashboardFixture fixture)
{
    private const string Township = "tc-a-t1";
    private const string Police = "tc-a-t1-pol";

    [Fact]
    public async Task WhistleThroughApi_ReachesOpenInboxWithin2s_WithoutReloadOrRefetch()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Department, Police);
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await SignIn.LiveAsync(page);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var fetched = new List<string>();
        page.Request += (_, request) => fetched.Add(request.Url);

        var created = await fixture.Host.ReportAsync(Township, "tc-a-t1-g1", "广场噪声扰民，多次劝阻无效");
        await WhistleAsync(fixture.Host.ClientAsync(Actor.Commissioner, Township), created.Id);

        var card = page.Locator($"article.summons-card[data-case='{created.Id}']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(card).ToHaveClassAsync(new Regex("fresh"));
        await Expect(page.Locator("#new-arrivals")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the inbox was loaded again");
        Assert.DoesNotContain(fetched, url => new Uri(url).AbsolutePath == "/inbox");

        // Seen: the banner and the highlight go together; acknowledging one's own summons brings neither back.
        await page.Locator("#new-arrivals-seen").ClickAsync();
        await Expect(page.Locator("#new-arrivals")).ToHaveCountAsync(0);
        await Expect(card).Not.ToHaveClassAsync(new Regex("fresh"));
        await card.Locator("button[data-action=ack]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(page.Locator("#new-arrivals")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SiloRestart_ShowsReconnectInChinese_ThenThePageIsLiveAgain()
    {
        var database = TestDatabases.NewSqliteFile();
        var first = await DashboardHost.StartAsync(database);
        var address = first.Address;
        DashboardHost? second = null;
        var firstRunning = true;
        try
        {
            await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            await SignIn.AsAsync(page, Actor.Department, Police);
            await SignIn.LiveAsync(page);

            firstRunning = false;
            await first.DisposeAsync();
            var modal = page.Locator("#components-reconnect-modal");
            await Expect(modal.Locator(".reconnect-retrying")).ToBeVisibleAsync();
            await Expect(modal.Locator(".reconnect-retrying")).ToContainTextAsync("正在重新连接");
            await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("reconnect-zh-CN") });

            second = await DashboardHost.StartAsync(database, address);
            Assert.Equal(address, second.Address);
            await Expect(modal.Locator(".reconnect-retrying")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await SignIn.LiveAsync(page);
            await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));

            var created = await second.ReportAsync(Township, "tc-a-t1-g1", "夜间施工噪声");
            await WhistleAsync(second.ClientAsync(Actor.Commissioner, Township), created.Id);
            await Expect(page.Locator($"article.summons-card[data-case='{created.Id}']")).ToBeVisibleAsync(new() { Timeout = 2_000 });
        }
        finally
        {
            if (firstRunning)
                await first.DisposeAsync();
            if (second is not null)
                await second.DisposeAsync();
        }
    }

    private static async Task WhistleAsync(Task<HttpClient> client, string caseId)
    {
        using var commissioner = await client;
        using var response = await commissioner.PostAsJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { Police } });
        Assert.True(response.IsSuccessStatusCode, $"whistle: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
