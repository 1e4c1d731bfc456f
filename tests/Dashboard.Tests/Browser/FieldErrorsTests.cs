using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// A form the server refuses says why in the UI's language — the field's label and the reason in Chinese, no English
/// sentence of the API — and keeps what was typed.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class FieldErrorsTests(DashboardFixture fixture)
{
    private const string Township = "tc-a-t1";

    [Fact]
    public async Task RefusedReportAndWhistle_ExplainInChinese_KeepWhatWasTyped()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Commissioner, Township);
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        await SignIn.LiveAsync(page);

        // A summary of blanks passes the browser's "required" but not the server's check.
        await page.Locator("#report-category").SelectOptionAsync("NeighbourDispute");
        await page.Locator("#report-summary").FillAsync("   ");
        await page.Locator("#report-reporter").FillAsync("王女士");
        await page.Locator("#report-submit").ClickAsync();
        var error = page.Locator("p.notice-error");
        await Expect(error).ToContainTextAsync("事件描述：必填，不能为空。");
        await Expect(error).Not.ToContainTextAsync(English());
        await Expect(page.Locator("#report-reporter")).ToHaveValueAsync("王女士");
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));

        await page.Locator("#report-summary").FillAsync("楼上漏水，邻里协商未果");
        await page.Locator("#report-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases/C-[0-9]{8}-[0-9]+"));
        await SignIn.LiveAsync(page);

        // A deadline the page cannot read: the message shows the forms it does read, not the API's ISO-8601.
        await page.Locator("#whistle-deadlines summary").ClickAsync();
        await page.Locator("#whistle-ack-within").FillAsync("半小时");
        await page.Locator("#whistle-submit").ClickAsync();
        await page.Locator("#whistle-confirm").ClickAsync();
        error = page.Locator("p.notice-error");
        await Expect(error).ToContainTextAsync("签收时限：看不懂这个时长，请填写如 30分钟、2小时");
        await Expect(error).Not.ToContainTextAsync(English());

        // Arrival due before acknowledgement: the whistle is refused, the deadlines and departments stay.
        await page.Locator("#whistle-ack-within").FillAsync("PT2H");
        await page.Locator("#whistle-arrive-within").FillAsync("PT30M");
        await page.Locator("#whistle-submit").ClickAsync();
        await page.Locator("#whistle-confirm").ClickAsync();
        error = page.Locator("p.notice-error");
        await Expect(error).ToContainTextAsync("报到时限：不能短于签收时限");
        await Expect(error).Not.ToContainTextAsync(English());
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("field-errors-whistle"), FullPage = true });
        await Expect(page.Locator("#whistle-ack-within")).ToHaveValueAsync("PT2H");
        await Expect(page.Locator("#whistle-arrive-within")).ToHaveValueAsync("PT30M");
        await Expect(page.Locator("#whistle-form input[data-department='tc-a-t1-pol']")).ToBeCheckedAsync();
        await Expect(page.Locator("#board tr[data-department='tc-a-t1-pol']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EmptyFeedbackAndDecline_NameTheirFieldsAsTheirFormsDo()
    {
        const string department = "tc-a-t1-jud";
        var created = await fixture.Host.ReportAsync(Township, "tc-a-t1-g1", "小区楼道堆放杂物，邻里争执");
        using (var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, Township))
        {
            using var whistle = await commissioner.PostAsJsonAsync($"/api/v1/cases/{created.Id}/whistle", new { departmentIds = new[] { department } });
            Assert.True(whistle.IsSuccessStatusCode, await whistle.Content.ReadAsStringAsync());
        }
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Department, department);
        await page.GotoAsync("/inbox");
        await SignIn.LiveAsync(page);
        var card = page.Locator($"article.summons-card[data-case='{created.Id}']");
        await card.Locator("button[data-action=ack]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "acknowledged");

        // The feedback's text is its 处置情况, a decline's its 退回原因 — not the API's "note".
        await card.Locator("details:has(button[data-action=feedback]) > summary").ClickAsync();
        await card.Locator("button[data-action=feedback]").ClickAsync();
        var error = page.Locator("p.notice-error");
        await Expect(error).ToContainTextAsync("处置情况：");
        await Expect(error).Not.ToContainTextAsync("备注");
        await Expect(error).Not.ToContainTextAsync(English());

        await card.Locator("details:has(button[data-action=decline]) > summary").ClickAsync();
        await card.Locator("button[data-action=decline]").ClickAsync();
        await Expect(error).ToContainTextAsync("退回原因：");
        await Expect(error).Not.ToContainTextAsync(English());
        await Expect(card).ToHaveAttributeAsync("data-state", "acknowledged");
    }

    [Fact]
    public async Task BadStatisticsQuery_NamesTheFieldInChinese()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Commissioner, Township);

        await page.GotoAsync($"/stats?scope={Township}&period=fortnight");

        var error = page.Locator("p.notice-error");
        await Expect(error).ToHaveTextAsync("周期：“fortnight”不是有效周期，请选择日、周、月或季。");
    }

    /// <summary>Any run of English words (the API's sentences, its field names).</summary>
    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex English();
}
