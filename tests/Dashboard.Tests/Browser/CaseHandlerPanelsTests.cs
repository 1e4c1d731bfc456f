using System.Net.Http.Json;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The case page offers the handling forms (triage, whistle, resolve) to whoever handles the case now, by the engine's
/// rule: the township's commissioner while the township holds it; the county duty leader once it moved up, while the
/// commissioner only reads it. The duty leader's oversight (take, supervise, escalate) stays with the duty leader.
/// Resolving is offered only when the case can be resolved (whistled, or a consultation after triage).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CaseHandlerPanelsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task CaseMovedUpToCounty_DutyLeaderGetsHandlingForms_CommissionerReadsOnly()
    {
        var created = await fixture.Host.ReportAsync("tc-a-t1", "tc-a-t1-g1", "小区门口积水，居民出行困难，社区协调未果");

        await using var commissionerContext = await fixture.NewContextAsync();
        var commissioner = await SignIn.CaseAsync(commissionerContext, Actor.Commissioner, "tc-a-t1", created.Id);
        await Expect(commissioner.Locator("#whistle-panel")).ToBeVisibleAsync();
        await Expect(commissioner.Locator("#lead-panel")).ToHaveCountAsync(0);
        // A case not yet whistled (nor a consultation) cannot be resolved: no form that can only be refused.
        await Expect(commissioner.Locator("#resolve-panel")).ToHaveCountAsync(0);

        await using var leaderContext = await fixture.NewContextAsync();
        var leader = await SignIn.CaseAsync(leaderContext, Actor.DutyLeader, "tc-a", created.Id);
        await Expect(leader.Locator("#lead-panel")).ToBeVisibleAsync();
        await Expect(leader.Locator("#whistle-panel")).ToHaveCountAsync(0);
        await Expect(leader.Locator("#resolve-panel")).ToHaveCountAsync(0);

        using (var api = await fixture.Host.ClientAsync(Actor.DutyLeader, "tc-a"))
        {
            using var escalated = await api.PostAsJsonAsync($"/api/v1/cases/{created.Id}/escalate", new { reason = "涉及多部门，需区级协调" });
            Assert.True(escalated.IsSuccessStatusCode, await escalated.Content.ReadAsStringAsync());
        }

        // Live, without a reload: the commissioner loses the forms, the duty leader gains them.
        await Expect(commissioner.Locator("#whistle-panel")).ToHaveCountAsync(0);
        await Expect(commissioner.Locator("#resolve-panel")).ToHaveCountAsync(0);
        await Expect(commissioner.Locator("#triage-panel")).ToHaveCountAsync(0);
        await Expect(leader.Locator("#whistle-panel")).ToBeVisibleAsync();
        await Expect(leader.Locator("#lead-panel")).ToBeVisibleAsync();

        // And the duty leader's form works: the whistle (the routing suggestion, pre-ticked) summons the departments.
        await leader.Locator("#whistle-submit").ClickAsync();
        await leader.Locator("#whistle-confirm").ClickAsync();
        await Expect(leader.Locator("#board tr[data-department='tc-a-t1-pol']")).ToHaveCountAsync(1);
        await Expect(leader.Locator("p.notice-error")).ToHaveCountAsync(0);

        // Whistled, it can be resolved: the duty leader does so.
        await leader.Locator("#resolve-outcome").FillAsync("区级协调市政部门排水，积水已清除");
        await leader.Locator("#resolve-submit").ClickAsync();
        await Expect(leader.Locator("#close-panel")).ToBeVisibleAsync();
        await Expect(leader.Locator("p.notice-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ReopenedCase_SaysSo_AndShowsTheLastOutcomeAsPrevious()
    {
        var created = await fixture.Host.ReportAsync("tc-a-t1", "tc-a-t1-g1", "楼道灯长期不亮，物业推诿");
        using (var api = await fixture.Host.ClientAsync(Actor.Commissioner, "tc-a-t1"))
        {
            foreach (var (path, body) in new (string, object)[]
            {
                ("whistle", new { departmentIds = new[] { "tc-a-t1-pol" } }),
                ("resolve", new { outcome = "已协调物业更换灯具" }),
                ("follow-up", new { satisfaction = 2, note = "灯又坏了" }),
            })
            {
                using var response = await api.PostAsJsonAsync($"/api/v1/cases/{created.Id}/{path}", body);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        await using var context = await fixture.NewContextAsync();
        var page = await SignIn.CaseAsync(context, Actor.Commissioner, "tc-a-t1", created.Id);
        await Expect(page.Locator("#case-reopened")).ToHaveTextAsync("已重新办理 1 次");
        var outcome = page.Locator("dd.outcome");
        await Expect(outcome).ToHaveTextAsync("已协调物业更换灯具");
        await Expect(outcome).ToHaveAttributeAsync("data-previous", "true");
        await Expect(page.Locator("dt", new() { HasText = "上次办结情况" })).ToBeVisibleAsync();
        await Expect(page.Locator("dt", new() { HasText = "上次满意度" })).ToBeVisibleAsync();
    }
}
