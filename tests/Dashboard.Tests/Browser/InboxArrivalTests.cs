using System.Net.Http.Json;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// A department on site hears a summons arrive: with desktop notifications allowed, a whistle raises a tone and a
/// notification naming where the case is, while the page is open and without a reload; the permission is asked only
/// when the button is pressed, never on load. Each summons shows its location and whom to call.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class InboxArrivalTests(DashboardFixture fixture)
{
    private const string Department = "tc-a-t3-pol";

    /// <summary>Records what the page does with the Notification API (the real one still runs underneath).</summary>
    private const string RecordNotifications = """
        (() => {
          window.__asked = 0; window.__shown = [];
          const Real = window.Notification;
          if (!Real) return;
          class Recorded extends Real {
            constructor(title, options) { super(title, options); window.__shown.push({ title, body: options && options.body }); }
          }
          Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
          Recorded.requestPermission = (...args) => { window.__asked++; return Real.requestPermission(...args); };
          window.Notification = Recorded;
        })();
        """;

    [Fact]
    public async Task NewSummons_RingsAndNotifies_ShowsPlaceAndContact_AsksPermissionOnlyFromTheButton()
    {
        await using var context = await fixture.NewPhoneContextAsync();
        await context.GrantPermissionsAsync(["notifications"]);
        var page = await OpenInboxAsync(context);
        await Expect(page.Locator("#notify-permission")).ToHaveTextAsync("桌面提醒已开启");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__asked"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.dispatchAlerts.alerts"));

        var created = await fixture.Host.ReportAsync("tc-a-t3", "tc-a-t3-g1", "北镇集贸市场摊位纠纷，双方推搡");
        using (var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, "tc-a-t3"))
        {
            using var whistle = await commissioner.PostAsJsonAsync($"/api/v1/cases/{created.Id}/whistle", new { departmentIds = new[] { Department } });
            Assert.True(whistle.IsSuccessStatusCode, await whistle.Content.ReadAsStringAsync());
        }

        var card = page.Locator($".summons-card[data-case='{created.Id}']");
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fresh"));
        await page.WaitForFunctionAsync("() => window.dispatchAlerts.alerts === 1 && window.__shown.length === 1");
        var shown = await page.EvaluateAsync<string[]>("() => [window.__shown[0].title, window.__shown[0].body]");
        Assert.Equal("收到新哨令", shown[0]);
        Assert.Contains("北镇 · 北镇第1网格：北镇集贸市场摊位纠纷", shown[1], StringComparison.Ordinal);
        await Expect(card.Locator(".origin-place")).ToHaveTextAsync("地点：北镇第1网格（北镇）");
        await Expect(card.Locator(".origin-contact")).ToContainTextAsync("联系：北镇 · 政法委员");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__asked"));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("inbox-arrival-phone"), FullPage = false });

        // One's own acknowledgement is no arrival: nothing rings.
        await card.Locator("button[data-action=ack]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "acknowledged");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.dispatchAlerts.alerts"));

        // Without permission yet, the button asks (once pressed), and only then.
        await using var fresh = await fixture.NewPhoneContextAsync();
        var other = await OpenInboxAsync(fresh);
        await Expect(other.Locator("#notify-permission")).ToHaveTextAsync("开启桌面提醒");
        Assert.Equal(0, await other.EvaluateAsync<int>("() => window.__asked"));
        await other.Locator("#notify-permission").ClickAsync();
        await other.WaitForFunctionAsync("() => window.__asked === 1");
    }

    /// <summary>The department's inbox in <paramref name="context"/>, recording the Notification API, live.</summary>
    private static async Task<IPage> OpenInboxAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(RecordNotifications);
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Department, Department);
        await SignIn.LiveAsync(page);
        return page;
    }
}
