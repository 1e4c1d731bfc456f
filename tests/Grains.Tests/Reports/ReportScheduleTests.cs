using Dispatch.Grains.Domain.Reports;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Tests.Domain;
using Dispatch.Grains.Tests.Engine;
using NodaTime;

namespace Dispatch.Grains.Tests.Reports;

/// <summary>Cadence reports produced by durable reminders on the manual clock (the silo starts Monday 2026-11-23 09:00).</summary>
public sealed class ReportScheduleTests : IAsyncLifetime
{
    private EngineSilo _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineSilo.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private IReportScheduleGrain Schedule(string county = "tc-a") => _engine.Grains.GetGrain<IReportScheduleGrain>(county);

    private Task AtAsync(Instant at) => _engine.AdvanceAsync(at - _engine.Now);

    private async Task ReportCaseAsync(string grid)
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        var result = await grain.Report(new ReportCase(grid, Category.WageArrears, "拖欠工资", CaseSource.Window, CaseTier.General, RiskColour.Orange,
            null, EngineSilo.Admin));
        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal(0, await grain.DeliverOutbox());
    }

    [Fact]
    public async Task Start_ThenLocalMidnight_ProducesTheDailySheetOfTheDayBefore()
    {
        await Schedule().Start();
        await ReportCaseAsync("tc-a-t1-g1");
        await ReportCaseAsync("tc-a-t2-g1");

        await AtAsync(Shanghai.At(2026, 11, 23, 23, 59, 59));
        Assert.Empty(await Schedule().List());
        await AtAsync(Shanghai.At(2026, 11, 24));

        var header = Assert.Single(await Schedule().List());
        Assert.Equal(new ReportHeader("tc-a.daily.2026-11-23", "tc-a", ReportKind.Daily, new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 23),
            Shanghai.At(2026, 11, 24)), header);
        var report = (await _engine.Grains.GetGrain<IReportGrain>(header.Id).Get())!;
        Assert.Equal(2, report.County.Accepted);
        Assert.Equal(["tc-a-t1", "tc-a-t2", "tc-a-t3"], report.Townships.Select(t => t.Scope).Order(StringComparer.Ordinal));
        Assert.Equal(new LocalDate(2026, 11, 22), report.Previous.From);
        Assert.Equal(Shanghai.At(2026, 11, 25), (await Schedule().Next())[ReportKind.Daily]);
    }

    [Fact]
    public async Task Report_Downloads_AsHtmlAndCsv()
    {
        await Schedule().Start();
        await ReportCaseAsync("tc-a-t1-g1");
        await AtAsync(Shanghai.At(2026, 11, 24));
        var grain = _engine.Grains.GetGrain<IReportGrain>("tc-a.daily.2026-11-23");

        var html = (await grain.Html())!;
        var csv = (await grain.Csv())!;

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<h1>甲区日调度表</h1>", html);
        Assert.Contains("东街道", html);
        Assert.Contains("一、总体情况", html);
        Assert.DoesNotContain("<script", html);
        Assert.StartsWith("\uFEFFsection,rank,name,scope,period,from,to,accepted,", csv);
        Assert.Contains("\r\ncounty,,甲区,tc-a,day,2026-11-23,2026-11-23,1,", csv);
        Assert.Contains("\r\ntownship,1,", csv);
    }

    [Fact]
    public async Task Schedule_EveryCadence_FiresExactlyAtItsLocalBoundary()
    {
        await Schedule().Start();

        async Task<IReadOnlyList<string>> IdsAt(Instant at)
        {
            await AtAsync(at);
            return (await Schedule().List()).Select(r => r.Id).ToList();
        }

        Assert.DoesNotContain("tc-a.weekly.2026-11-23", await IdsAt(Shanghai.At(2026, 11, 29, 23, 59, 59)));
        Assert.Contains("tc-a.weekly.2026-11-23", await IdsAt(Shanghai.At(2026, 11, 30)));
        Assert.DoesNotContain("tc-a.monthly.2026-11-01", await IdsAt(Shanghai.At(2026, 11, 30, 23, 59, 59)));
        Assert.Contains("tc-a.monthly.2026-11-01", await IdsAt(Shanghai.At(2026, 12, 1)));
        Assert.DoesNotContain("tc-a.quarterly.2026-10-01", await IdsAt(Shanghai.At(2026, 12, 31, 23, 59, 59)));
        var ids = await IdsAt(Shanghai.At(2027, 1, 1));

        Assert.Contains("tc-a.quarterly.2026-10-01", ids);
        Assert.Equal(39, ids.Count(id => id.Contains(".daily.", StringComparison.Ordinal))); // 2026-11-23 to 2026-12-31
        Assert.Equal(5, ids.Count(id => id.Contains(".weekly.", StringComparison.Ordinal))); // the week of 2026-12-28 runs on
        Assert.Equal(["tc-a.monthly.2026-12-01", "tc-a.monthly.2026-11-01"], ids.Where(id => id.Contains(".monthly.", StringComparison.Ordinal)));
        var quarterly = (await Schedule().List()).Single(r => r.Kind == ReportKind.Quarterly);
        Assert.Equal((new LocalDate(2026, 10, 1), new LocalDate(2026, 12, 31), Shanghai.At(2027, 1, 1)), (quarterly.From, quarterly.To, quarterly.GeneratedAt));
        Assert.Equal(Shanghai.At(2027, 4, 1), (await Schedule().Next())[ReportKind.Quarterly]);
    }

    [Fact]
    public async Task Schedule_SiloDownOverBoundaries_CatchesUpAfterRestart()
    {
        await Schedule().Start();
        await _engine.RestartAsync();

        await _engine.SetAsync(Shanghai.At(2026, 11, 26, 8, 0));

        var list = await Schedule().List();
        Assert.Equal(["tc-a.daily.2026-11-25", "tc-a.daily.2026-11-24", "tc-a.daily.2026-11-23"], list.Select(r => r.Id));
        Assert.Equal(Shanghai.At(2026, 11, 27), (await Schedule().Next())[ReportKind.Daily]);
    }

    [Fact]
    public async Task Start_Repeated_KeepsOneScheduleAndProducesOnce()
    {
        await Schedule().Start();
        await AtAsync(Shanghai.At(2026, 11, 23, 12, 0));
        await Schedule().Start();

        await AtAsync(Shanghai.At(2026, 11, 24, 0, 0, 1));

        Assert.Equal(["tc-a.daily.2026-11-23"], (await Schedule().List()).Select(r => r.Id));
    }

    [Fact]
    public async Task Produce_OnDemandTwice_ReplacesTheSamePeriod()
    {
        var first = await Schedule("tc-b").Produce(ReportKind.Monthly, new LocalDate(2026, 11, 23));
        await AtAsync(Shanghai.At(2026, 11, 23, 10, 0));
        var second = await Schedule("tc-b").Produce(ReportKind.Monthly, new LocalDate(2026, 11, 5));

        Assert.Equal(("tc-b.monthly.2026-11-01", first.Id), (second.Id, second.Id));
        var listed = Assert.Single(await Schedule("tc-b").List());
        Assert.Equal(Shanghai.At(2026, 11, 23, 10, 0), listed.GeneratedAt);
        Assert.Equal("乙县", (await _engine.Grains.GetGrain<IReportGrain>(listed.Id).Get())!.Names["tc-b"]);
    }

    [Fact]
    public async Task StartAll_SchedulesEveryCounty()
    {
        await Grains.Reports.ReportSchedules.StartAllAsync(_engine.Grains, EngineSilo.City);

        foreach (var county in new[] { "tc-a", "tc-b" })
        {
            Assert.Equal(Shanghai.At(2026, 11, 30), (await Schedule(county).Next())[ReportKind.Weekly]);
        }
    }

    [Fact]
    public async Task Start_OnATownship_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Schedule("tc-a-t1").Start());
        Assert.Empty(await Schedule("tc-a-t1").Next());
    }

    [Fact]
    public async Task Report_UnknownId_IsNull()
    {
        var grain = _engine.Grains.GetGrain<IReportGrain>("tc-a.daily.1999-01-01");

        Assert.Equal((null, null, null), (await grain.Get(), await grain.Html(), await grain.Csv()));
    }

    [Fact]
    public async Task Report_ListsEscalatedOpenCasesOfTheCountyForSupervision()
    {
        await Schedule().Start();
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        await grain.Report(new ReportCase("tc-a-t1-g1", Category.SafetyHazard, "危房", CaseSource.Grid, CaseTier.Simple, RiskColour.Red, null, EngineSilo.Admin));
        await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, EngineSilo.Admin));
        await grain.ActOnSummons(new SummonsCommand((await grain.Get())!.Summonses[0].Id, SummonsActionKind.Arrive, null, false, EngineSilo.Admin));
        await ReportCaseAsync("tc-a-t2-g1"); // open, on time, never escalated: not listed

        await AtAsync(Shanghai.At(2026, 11, 23, 18, 0)); // the simple case missed its same-day deadline and moved to the county
        Assert.Equal(0, await grain.DeliverOutbox());
        await AtAsync(Shanghai.At(2026, 11, 24));
        var header = Assert.Single(await Schedule().List());
        var report = (await _engine.Grains.GetGrain<IReportGrain>(header.Id).Get())!;

        var listed = Assert.Single(report.Attention);
        Assert.Equal(((await grain.Get())!.Id, "tc-a", 1), (listed.Id, listed.CenterId, listed.Escalations));
        var html = (await _engine.Grains.GetGrain<IReportGrain>(header.Id).Html())!;
        Assert.Contains("<td class=\"name\">安全隐患</td>", html);
        Assert.Contains("<td class=\"name\">甲区</td>", html);
    }
}
