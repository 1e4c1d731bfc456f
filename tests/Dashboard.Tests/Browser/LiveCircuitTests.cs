using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Testing;
using Dispatch.Testing.Hosting;
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
        string[] settings = ["--Storage:Provider=sqlite", $"--Storage:ConnectionString={database}", "--Auth:DevTokens=true"];
        var first = await TestSiloApp.StartAsync(settings);
        var address = first.Address;
        TestSiloApp? second = null;
        try
        {
            await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            await SignIn.AsAsync(page, Actor.Department, Police);
            await SignIn.LiveAsync(page);

            await first.DisposeAsync();
            var modal = page.Locator("#components-reconnect-modal");
            await Expect(modal.Locator(".reconnect-retrying")).ToBeVisibleAsync();
            await Expect(modal.Locator(".reconnect-retrying")).ToContainTextAsync("正在重新连接");
            await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("reconnect-zh-CN") });

            second = await TestSiloApp.StartAsync([.. settings, $"--urls={address.GetLeftPart(UriPartial.Authority)}"]);
            Assert.Equal(address, second.Address);
            await Expect(modal.Locator(".reconnect-retrying")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await SignIn.LiveAsync(page);
            await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));

            var created = await ReportAsync(second, "夜间施工噪声");
            await WhistleAsync(ClientAsync(second, Actor.Commissioner, Township), created);
            await Expect(page.Locator($"article.summons-card[data-case='{created}']")).ToBeVisibleAsync(new() { Timeout = 2_000 });
        }
        finally
        {
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

    private static async Task<HttpClient> ClientAsync(TestSiloApp silo, string role, string scope)
    {
        using var http = new HttpClient { BaseAddress = silo.Address };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/dev-token", new { role, scope });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        var client = new HttpClient { BaseAddress = silo.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<string> ReportAsync(TestSiloApp silo, string summary)
    {
        using var commissioner = await ClientAsync(silo, Actor.Commissioner, Township);
        using var response = await commissioner.PostAsJsonAsync("/api/v1/cases", new { gridId = "tc-a-t1-g1", category = "neighbourDispute", summary, source = "window" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }
}
