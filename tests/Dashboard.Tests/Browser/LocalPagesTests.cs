using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// Every page in both languages, with every request the browser makes recorded: governance networks are often closed
/// intranets, so nothing may be fetched from anywhere but the silo itself.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LocalPagesTests(DashboardFixture fixture)
{
    public static TheoryData<string, string, string, string> Languages => new()
    {
        // culture, html lang, a label of the duty board, the sign-in title
        { "zh-CN", "zh-CN", "今日值班", "登录" },
        { "en", "en", "On duty now", "Sign in" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryPage_RendersInLanguage_WithNoRequestLeavingLocalhost(string culture, string lang, string dutyLabel, string signInTitle)
    {
        var created = await fixture.Host.ReportAsync("tc-a-t3", "tc-a-t3-g1", "北镇欠薪求助", "wageArrears");
        await using var context = await fixture.NewContextAsync(culture);
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.WebSocket += (_, socket) => requests.Add(socket.Url);

        await page.GotoAsync("/signin");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.Locator("h1")).ToHaveTextAsync(signInTitle);
        await Artifacts.FullPageAsync(page, $"{culture}-signin");

        await SignIn.AsAsync(page, Actor.Admin);
        await Expect(page).ToHaveURLAsync(new Regex("/duty$"));
        await SignIn.LiveAsync(page);
        await Expect(page.Locator("#on-duty h2")).ToHaveTextAsync(dutyLabel);
        await Artifacts.FullPageAsync(page, $"{culture}-duty-city");

        var pages = new (string Name, string Path)[]
        {
            ("duty-county", "/duty?center=tc-a"),
            ("console", "/console?township=tc-a-t3"),
            ("case", $"/cases/{created.Id}"),
            ("inbox", "/inbox?department=tc-a-t3-jud"),
            ("stats", "/stats?scope=tc-a&period=month"),
        };
        foreach (var (name, path) in pages)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
            await Expect(page.Locator(".board")).ToBeVisibleAsync();
            await Expect(page.Locator(".notice-error")).ToHaveCountAsync(0);
            if (name != "stats")
                await SignIn.LiveAsync(page);
            await Artifacts.FullPageAsync(page, $"{culture}-{name}");
        }

        Assert.NotEmpty(requests);
        var foreign = requests.Where(url => new Uri(url).Host is not ("127.0.0.1" or "localhost")).ToList();
        Assert.True(foreign.Count == 0, $"requests left localhost: {string.Join(", ", foreign)}");
        Assert.Contains(requests, url => url.EndsWith("/dashboard-assets/dashboard.css", StringComparison.Ordinal));
        Assert.Contains(requests, url => url.EndsWith("/_framework/blazor.web.js", StringComparison.Ordinal));
        Assert.Contains(requests, url => url.StartsWith("ws://127.0.0.1:", StringComparison.Ordinal) && url.Contains("/_blazor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_WriteChineseAsUtf8_NotAsCharacterReferences()
    {
        using var response = await fixture.Host.Http.GetAsync("/signin");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("演示身份", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x6F14;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlazorScript_IsServedByTheSilo_WithoutSignIn()
    {
        using var response = await fixture.Host.Http.GetAsync("/_framework/blazor.web.js");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        Assert.True(script.Length > 50_000, $"blazor.web.js is only {script.Length} characters");
        Assert.Contains("Blazor", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithoutSignIn_GoesToSignIn()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/duty");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fduty$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    }

    [Fact]
    public async Task LanguageSwitch_SetsCookie_AndKeepsThePage()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Department, "tc-a-t2-jud");
        await Expect(page.Locator("h1")).ToContainTextAsync("部门哨令");
        await page.Locator(".lang a", new() { HasText = "English" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Department inbox");
        await page.Locator(".lang a", new() { HasText = "中文" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("部门哨令");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.DutyLeader, "tc-b");
        await Expect(page).ToHaveURLAsync(new Regex("/duty$"));
        await page.Locator(".topbar form[action='/account/signout'] button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await page.GotoAsync("/duty");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl="));
    }
}
