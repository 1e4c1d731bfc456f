using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The sign-in page's department picker: grouped by center (a township's group names its county), and typing part of a
/// name leaves only the departments that match, the first of them selected, so a department on site finds itself among
/// hundreds without scrolling one long list.
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
}
