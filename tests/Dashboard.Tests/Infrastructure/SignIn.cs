using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Infrastructure;

public static class SignIn
{
    /// <summary>Signs in through the sign-in page with a demo identity and waits for the role's home page.</summary>
    public static async Task AsAsync(IPage page, string role, string? scope = null)
    {
        await page.GotoAsync("/signin");
        var form = page.Locator($"#signin-{role}");
        if (scope is not null)
            await form.Locator("select[name=scope]").SelectOptionAsync(scope);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    /// <summary>A new page in <paramref name="context"/>, signed in as the principal, on the case page and live.</summary>
    public static async Task<IPage> CaseAsync(IBrowserContext context, string role, string scope, string caseId)
    {
        var page = await context.NewPageAsync();
        await AsAsync(page, role, scope);
        await page.GotoAsync($"/cases/{caseId}");
        await LiveAsync(page);
        return page;
    }

    /// <summary>Waits until the page is interactive and watches its scopes live (its root says data-live="on").</summary>
    public static Task LiveAsync(IPage page) => Expect(page.Locator("[data-live=on]")).ToHaveCountAsync(1);
}
