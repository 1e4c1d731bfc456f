using System.Net;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// Orleans' dashboard at /orleans is for admin only: a browser signed in to this dashboard as admin opens it, any other
/// principal is refused, with the sign-in cookie or a bearer token alike; and the duty board says how many silos run.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OrleansDashboardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Orleans_BrowserSignedInAsAdmin_OpensIt_AndTheDutyBoardCountsTheSilos()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Admin);
        await Expect(page.Locator("[data-silos]")).ToHaveAttributeAsync("data-silos", "1");

        var orleans = await page.GotoAsync("/orleans/");
        Assert.Equal(200, orleans!.Status);
        var stats = await page.APIRequest.GetAsync("/orleans/ClusterStats");
        Assert.Equal(200, stats.Status);
    }

    [Fact]
    public async Task Orleans_BrowserSignedInAsCommissioner_IsDenied()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Commissioner, "tc-a-t1");

        await page.GotoAsync("/orleans/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/denied"));
    }

    [Fact]
    public async Task Orleans_BearerTokens_AdminOnly_AnonymousSentToSignIn()
    {
        using var admin = await fixture.Host.ClientAsync(Actor.Admin);
        using var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, "tc-a-t1");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.Address };

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/orleans/ClusterStats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/orleans/ClusterStats")).StatusCode);
        using var redirected = await anonymous.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/signin", redirected.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}
