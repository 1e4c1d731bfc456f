using System.Text.RegularExpressions;
using Bunit;
using Dispatch.Dashboard.Components;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Extensions;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>
/// The case page's status header (who has it, the next deadline counting down, the escalation level) and the summonses
/// grouped by department with each escalation chain as one line.
/// </summary>
public sealed partial class CaseStatusTests : IDisposable
{
    private static readonly Instant Created = Instant.FromUtc(2026, 11, 23, 1, 0);

    private readonly ComponentContext _context = new();
    private readonly FakeTimeProvider _time = new((Created + Duration.FromMinutes(10)).ToDateTimeOffset());

    public CaseStatusTests()
    {
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddSingleton<IClock>(new ClockOver(_time));
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public void Dispose() => _context.Dispose();

    private static SummonsView Summons(string id, string department, SummonsState state, Duration ackWithin, int level = 0, string? escalatedTo = null) =>
        new(id, "C-1", department, state, Created, Created + ackWithin, Created + Duration.FromHours(2), null, null, level, escalatedTo,
            RiskColour.Blue, null, null, 1);

    private static CaseView Case(CaseState state, CenterLevel level, string center, IReadOnlyList<SummonsView> summonses, LeaderView? leader = null) =>
        new("C-1", "tc-a-t1-g1", "tc-a-t1", center, level, Category.NeighbourDispute, CaseTier.General, RiskColour.Blue, state, CaseSource.Window,
            "楼上漏水", null, Created, Created + Duration.FromDays(3), Created + Duration.FromHours(1), leader, null, null, summonses, [], 1);

    private static readonly SummonsView[] Escalated =
    [
        Summons("S1", "tc-a-t1-jud", SummonsState.Escalated, Duration.FromMinutes(5), escalatedTo: "S3"),
        Summons("S2", "tc-a-t1-pol", SummonsState.Acknowledged, Duration.FromMinutes(5)),
        Summons("S3", "tc-a-jus", SummonsState.Issued, Duration.FromMinutes(25), level: 1),
    ];

    private static string Name(string id) => ComponentContext.City.UnitName(id);

    [Fact]
    public void Header_NamesHolder_NextDeadlineCountsDown_AndEscalationLevel_InChinese()
    {
        var header = _context.Render<CaseStatusHeader>(p => p.Add(c => c.Case, Case(CaseState.InProgress, CenterLevel.Township, "tc-a-t1", Escalated)));

        Assert.Contains(Name("tc-a-t1"), header.Find("[data-status=holder] .status-value").TextContent);
        var next = header.Find("[data-status=next]");
        Assert.Equal("ack", next.GetAttribute("data-kind"));
        // S3's acknowledgement (25 min after issue) comes before S2's arrival (2 h) and the case's deadline (3 days).
        Assert.Contains($"{Name("tc-a-jus")} 签收", next.TextContent);
        Assert.Equal("剩余 15:00", header.Find("[data-status=next] .countdown").TextContent);
        _time.Advance(TimeSpan.FromMinutes(1));
        header.WaitForAssertion(() => Assert.Equal("剩余 14:00", header.Find("[data-status=next] .countdown").TextContent));

        var level = header.Find("[data-status=level]");
        Assert.Equal("1", level.GetAttribute("data-level"));
        Assert.Contains("已升级 1 级", level.TextContent);
        Assert.Contains("哨令升级 1 级", level.TextContent);
        Assert.Empty(header.FindAll("[data-status=leader]"));
        Assert.Empty(Latin().Matches(header.Find("#case-status").TextContent));
    }

    [Fact]
    public void Header_CaseMovedUpAndTaken_NamesLeaderWithRoleTitle_AndCountsCenterSteps()
    {
        var leader = new LeaderView("publicSecurityChief", "张志强", Created, "ack");
        var header = _context.Render<CaseStatusHeader>(p => p.Add(c => c.Case, Case(CaseState.InProgress, CenterLevel.County, "tc-a", Escalated, leader)));
        Assert.Contains(Name("tc-a"), header.Find("[data-status=holder]").TextContent);
        Assert.Equal("包案领导 张志强（公安局长）", header.Find("[data-status=leader]").TextContent.Trim());
        Assert.Equal("2", header.Find("[data-status=level]").GetAttribute("data-level"));
        Assert.Contains("中心上移 1 级", header.Find("[data-status=level]").TextContent);
    }

    [Fact]
    public void Header_Untriaged_CountsDownToTriage_AndClosedHasNoDeadline()
    {
        var reported = _context.Render<CaseStatusHeader>(p => p.Add(c => c.Case, Case(CaseState.Reported, CenterLevel.Township, "tc-a-t1", [])));
        Assert.Equal("triage", reported.Find("[data-status=next]").GetAttribute("data-kind"));
        Assert.Contains("未升级", reported.Find("[data-status=level]").TextContent);

        var closed = _context.Render<CaseStatusHeader>(p => p.Add(c => c.Case, Case(CaseState.Closed, CenterLevel.Township, "tc-a-t1", [])));
        Assert.Equal("none", closed.Find("[data-status=next]").GetAttribute("data-kind"));
        Assert.Contains("暂无待办时限", closed.Find("[data-status=next]").TextContent);
        Assert.Empty(closed.FindAll(".countdown"));
    }

    [Fact]
    public void Chains_GroupByFirstDepartment_AndDrawEachEscalationAsOneLine()
    {
        var list = _context.Render<SummonsChainList>(p => p.Add(c => c.Summonses,
            [.. Escalated, Summons("S4", "tc-a-t1-jud", SummonsState.Issued, Duration.FromMinutes(30))]));

        var groups = list.FindAll(".chain-group");
        Assert.Equal(["tc-a-t1-jud", "tc-a-t1-pol"], groups.Select(g => g.GetAttribute("data-chain-root")));
        var judicial = groups[0].QuerySelectorAll(".chain-line");
        Assert.Equal(2, judicial.Length);
        Assert.Equal(["S1", "S3"], judicial[0].QuerySelectorAll(".chain-step").Select(s => s.GetAttribute("data-summons")));
        Assert.Equal($"{Name("tc-a-t1-jud")}已升级→{Name("tc-a-jus")}待签收", Regex.Replace(judicial[0].TextContent, @"\s+", ""));
        Assert.Equal(["S4"], judicial[1].QuerySelectorAll(".chain-step").Select(s => s.GetAttribute("data-summons")));
        Assert.Single(groups[1].QuerySelectorAll(".chain-step"));
        Assert.Empty(Latin().Matches(list.Find("#summons-chains").TextContent));
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
