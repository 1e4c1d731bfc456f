using System.Text.RegularExpressions;
using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The whistle seen by three people at once, each in their own browser context: the commissioner reports and whistles,
/// the police station's inbox shows the summons live and acknowledges it, the commissioner's board shows the
/// acknowledgement, and when the other departments miss a short acknowledgement deadline the county's duty board shows
/// the escalations.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WhistleScenarioTests(DashboardFixture fixture)
{
    private const string Township = "tc-a-t1";
    private const string Police = "tc-a-t1-pol";
    private const string County = "tc-a";

    [Fact]
    public async Task Whistle_ReachesInboxLive_AcknowledgementReachesBoard_MissedDeadlineReachesDutyBoard()
    {
        await using var commissionerContext = await fixture.NewContextAsync();
        await using var departmentContext = await fixture.NewContextAsync();
        await using var dutyContext = await fixture.NewContextAsync();
        var commissioner = await commissionerContext.NewPageAsync();
        var department = await departmentContext.NewPageAsync();
        var duty = await dutyContext.NewPageAsync();

        // The police station and the county's duty leader are watching before anything happens.
        await SignIn.AsAsync(department, Actor.Department, Police);
        await Expect(department).ToHaveURLAsync(new Regex("/inbox$"));
        await SignIn.LiveAsync(department);
        await SignIn.AsAsync(duty, Actor.DutyLeader, County);
        await Expect(duty).ToHaveURLAsync(new Regex("/duty$"));
        await SignIn.LiveAsync(duty);
        var chief = fixture.Host.App.Services.GetRequiredService<CityModel>().OnDutyAt(County, fixture.Host.Clock.GetCurrentInstant());
        await Expect(duty.Locator("[data-on-duty='tc-a']")).ToHaveTextAsync(chief.Name);

        // The commissioner reports a case at the window.
        await SignIn.AsAsync(commissioner, Actor.Commissioner, Township);
        await Expect(commissioner).ToHaveURLAsync(new Regex("/console$"));
        await commissioner.Locator("#report-category").SelectOptionAsync("NeighbourDispute");
        await commissioner.Locator("#report-summary").FillAsync("楼上漏水，邻里协商未果");
        await commissioner.Locator("#report-reporter").FillAsync("王女士");
        await Artifacts.FullPageAsync(commissioner, "scenario-1-console");
        await commissioner.Locator("#report-submit").ClickAsync();
        await Expect(commissioner).ToHaveURLAsync(new Regex("/cases/C-[0-9]{8}-[0-9]+"));
        var caseId = Regex.Match(commissioner.Url, "/cases/(C-[0-9]{8}-[0-9]+)").Groups[1].Value;
        // Interactive first: a <details> opened on the prerendered page closes again when the circuit takes it over.
        await SignIn.LiveAsync(commissioner);

        // The routing suggestion for a neighbour dispute in 东街道 is pre-filled.
        foreach (var suggested in new[] { "tc-a-t1-jud", "tc-a-t1-med", Police })
            await Expect(commissioner.Locator($"#whistle-form input[data-department='{suggested}']")).ToBeCheckedAsync();
        await commissioner.Locator("#whistle-deadlines summary").ClickAsync();
        await commissioner.Locator("#whistle-ack-within").FillAsync("PT5M");
        await Artifacts.FullPageAsync(commissioner, "scenario-2-case-before-whistle");
        // Whistling asks first, naming the departments.
        await commissioner.Locator("#whistle-submit").ClickAsync();
        await Expect(commissioner.Locator("#whistle-confirm-bar")).ToContainTextAsync("东街派出所");
        await Expect(commissioner.Locator($"#board tr[data-department='{Police}']")).ToHaveCountAsync(0);
        await Artifacts.FullPageAsync(commissioner, "scenario-2b-whistle-confirm");
        await commissioner.Locator("#whistle-confirm").ClickAsync();
        await Expect(commissioner.Locator($"#board tr[data-department='{Police}']")).ToHaveAttributeAsync("data-state", "issued");
        await SignIn.LiveAsync(commissioner);

        // The inbox shows the summons within 2 s, without a reload, marked as new.
        var card = department.Locator($"article.summons-card[data-case='{caseId}']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(card).ToHaveClassAsync(new Regex("fresh"));
        await Expect(department.Locator("#new-arrivals")).ToBeVisibleAsync();
        await Expect(card.Locator(".countdown").First).ToHaveTextAsync(new Regex("^剩余 [45]:[0-9]{2}$"));
        await Artifacts.FullPageAsync(department, "scenario-3-inbox-new-summons");

        // The department acknowledges; the commissioner's board shows it live.
        await card.Locator("button[data-action=ack]").ClickAsync();
        await Expect(department.Locator($"article.summons-card[data-case='{caseId}']")).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(commissioner.Locator($"#board tr[data-department='{Police}']")).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(commissioner.Locator($"#board tr[data-department='{Police}'] .done-at")).ToBeVisibleAsync();
        await Artifacts.FullPageAsync(commissioner, "scenario-4-case-acknowledged");

        // Five minutes later the judicial office and the mediation committee have not acknowledged: both escalate.
        await fixture.Host.AdvanceAsync(Duration.FromMinutes(5) + Duration.FromSeconds(1));
        var feed = duty.Locator($"#escalation-feed li.feed-item[data-case='{caseId}']");
        // One row for the case: its latest escalation and how many it had.
        await Expect(feed).ToHaveCountAsync(1);
        await Expect(feed).ToHaveAttributeAsync("data-count", "2");
        await Expect(feed.Locator(".feed-count")).ToHaveTextAsync("共 2 次");
        await Expect(feed).ToHaveAttributeAsync("data-kind", "ack");
        await Expect(duty.Locator("[data-counter='escalations-today']")).Not.ToHaveTextAsync("0");
        await Expect(duty.Locator($"#duty-cases tr[data-case='{caseId}']")).ToBeVisibleAsync();
        await Expect(duty.Locator(".chart[data-chart='escalations']")).ToHaveAttributeAsync("data-total", new Regex("^[1-9]"));
        await Artifacts.FullPageAsync(duty, "scenario-5-duty-escalation");

        // The counters show the cases behind them.
        await duty.Locator("button[data-filter='overdue']").ClickAsync();
        await Expect(duty.Locator("[data-filter-shown='overdue']")).ToBeVisibleAsync();
        await Expect(duty.Locator($"#duty-cases tr[data-case='{caseId}']")).ToHaveCountAsync(0);
        await duty.Locator("button[data-filter='escalations-today']").ClickAsync();
        await Expect(duty.Locator("button[data-filter='escalations-today']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(duty.Locator($"#duty-cases tr[data-case='{caseId}']")).ToBeVisibleAsync();
        await duty.Locator("#duty-filter-clear").ClickAsync();
        await Expect(duty.Locator("[data-filter-shown]")).ToHaveCountAsync(0);
        await Expect(commissioner.Locator("#board tr[data-department='tc-a-t1-jud']")).ToHaveAttributeAsync("data-state", "escalated");
        await Expect(commissioner.Locator("#board tr[data-department='tc-a-jus']").First).ToHaveAttributeAsync("data-state", "issued");
        // The case page's header and chains: escalated one level, the judicial office's chain drawn up to the county bureau.
        var cityModel = fixture.Host.App.Services.GetRequiredService<CityModel>();
        await Expect(commissioner.Locator("#case-status [data-status=level]")).ToHaveAttributeAsync("data-level", "1");
        await Expect(commissioner.Locator("#case-status [data-status=holder]")).ToContainTextAsync(cityModel.CenterName(Township));
        await Expect(commissioner.Locator("#case-status [data-status=next]")).ToHaveAttributeAsync("data-kind", new Regex("^(ack|arrive)$"));
        await Expect(commissioner.Locator("#case-status [data-status=next] .countdown")).ToHaveTextAsync(new Regex("^剩余 "));
        var chain = commissioner.Locator("#summons-chains [data-chain-root='tc-a-t1-jud'] .chain-line").First;
        await Expect(chain.Locator(".chain-step")).ToHaveCountAsync(2);
        await Expect(chain.Locator(".chain-step").Nth(1)).ToHaveAttributeAsync("data-department", "tc-a-jus");
        await Expect(chain).ToContainTextAsync(cityModel.DepartmentName("tc-a-jus"));
        await commissioner.Locator("#case-status").ScrollIntoViewIfNeededAsync();
        await Artifacts.FullPageAsync(commissioner, "case-status-chains");

        // Drill-down from the duty board to the case's timeline.
        await duty.Locator($"#duty-cases tr[data-case='{caseId}'] a").ClickAsync();
        await Expect(duty).ToHaveURLAsync(new Regex($"/cases/{caseId}$"));
        await Expect(duty.Locator(".timeline-escalated")).ToHaveCountAsync(2);
        await Expect(duty.Locator("#lead-panel")).ToBeVisibleAsync();
        await Artifacts.FullPageAsync(duty, "scenario-6-duty-case-drilldown");
    }
}
