using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.ReadModels;
using Dispatch.Silo.ReadModels;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Dispatch.Storage.Tests;

/// <summary>
/// The read-model tables through the projector and the queries, on SQLite and PostgreSQL: version-guarded upserts,
/// the scope of a case list (township, county and its townships, city), filters, paging and order, inboxes, grids,
/// statistics sums with their duration lists, and the cases needing attention.
/// </summary>
public abstract class ReadModelTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : StoreFixture
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 1, 0);
    private StoreOptions _store = null!;
    private SqlReadModelWriter _writer = null!;
    private SqlReadModelReader _reader = null!;

    public async Task InitializeAsync()
    {
        _store = await fixture.NewStoreAsync();
        await OrleansSchema.ApplyAsync(_store);
        _writer = new SqlReadModelWriter(_store, 2, NullLogger<SqlReadModelWriter>.Instance);
        _reader = new SqlReadModelReader(_store);
    }

    public async Task DisposeAsync() => await _writer.DisposeAsync();

    private static CaseSummary Case(string id, string township, string center, CenterLevel level, CaseState state, int minutes,
        int version = 1, Instant? due = null, int escalations = 0) =>
        new(id, $"{township}-g1", township, center, level, Category.Labour, CaseTier.General, RiskColour.Orange, state, $"案件 {id}",
            T0 + Duration.FromMinutes(minutes) + Duration.FromNanoseconds(123), due, 1, escalations, null, version);

    private static SummonsView Summons(string id, string department, SummonsState state, int minutes, int version = 1) =>
        new(id, "C-1", department, state, T0 + Duration.FromMinutes(minutes), T0 + Duration.FromMinutes(minutes + 15),
            T0 + Duration.FromMinutes(minutes + 60), null, null, 0, null, RiskColour.Red, null, "备注", version);

    private Task WriteAsync(params CaseSummary[] cases) => Task.WhenAll(cases.Select(c =>
        _writer.WriteAsync(new ReadModelBatch(new CaseRow(c, c.TownshipId.Split('-')[0] + "-" + c.TownshipId.Split('-')[1]), [], []))));

    private Task<CaseListPage> ListAsync(string center, CenterLevel level, CaseState? state = null, bool? open = null, bool? overdue = null,
        int page = 1, int size = 50) =>
        _reader.CasesAsync(new CaseListQuery(new CaseScope(center, level), state, open, overdue, T0 + Duration.FromHours(2), page, size));

    [Fact]
    public async Task CaseList_ScopeFollowsTheHandlingCenter()
    {
        await WriteAsync(
            Case("C-1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.Whistled, 1),
            Case("C-2", "tc-a-t1", "tc-a", CenterLevel.County, CaseState.InProgress, 2),
            Case("C-3", "tc-a-t2", "tc", CenterLevel.City, CaseState.InProgress, 3),
            Case("C-4", "tc-b-t1", "tc-b-t1", CenterLevel.Township, CaseState.Closed, 4));

        Assert.Equal(["C-1"], (await ListAsync("tc-a-t1", CenterLevel.Township)).Items.Select(c => c.Id));
        Assert.Equal(["C-2", "C-1"], (await ListAsync("tc-a", CenterLevel.County)).Items.Select(c => c.Id));
        Assert.Equal(["C-4", "C-3", "C-2", "C-1"], (await ListAsync("tc", CenterLevel.City)).Items.Select(c => c.Id));
        var exact = await _reader.CasesAsync(new CaseListQuery(new CaseScope("tc-a", CenterLevel.County, WithCentersBelow: false),
            null, null, null, T0, 1, 50));
        Assert.Equal(["C-2"], exact.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task CaseList_RowRoundTripsExactly_AndAnOlderVersionNeverReplacesANewer()
    {
        var v2 = Case("C-1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.InProgress, 1, version: 2, due: T0 + Duration.FromHours(1));
        await WriteAsync(v2);
        await WriteAsync(v2 with { State = CaseState.Reported, Version = 1 });

        Assert.Equal(v2, Assert.Single((await ListAsync("tc-a-t1", CenterLevel.Township)).Items));
        var v3 = v2 with { State = CaseState.Resolved, Version = 3, Leader = "值班领导" };
        await WriteAsync(v3);
        Assert.Equal(v3, Assert.Single((await ListAsync("tc-a-t1", CenterLevel.Township)).Items));
    }

    [Fact]
    public async Task CaseList_FiltersAndPages()
    {
        var overdue = T0 + Duration.FromHours(1);
        var later = T0 + Duration.FromHours(3);
        await WriteAsync(Enumerable.Range(1, 25).Select(i => Case($"C-{i:D2}", "tc-a-t1", "tc-a-t1", CenterLevel.Township,
            i % 5 == 0 ? CaseState.Closed : CaseState.InProgress, i, due: i % 2 == 0 ? overdue : later)).ToArray());

        var page2 = await ListAsync("tc-a-t1", CenterLevel.Township, page: 2, size: 10);
        Assert.Equal((25, 10), (page2.Total, page2.Items.Count));
        Assert.Equal("C-15", page2.Items[0].Id);
        Assert.Equal(20, (await ListAsync("tc-a-t1", CenterLevel.Township, open: true)).Total);
        Assert.Equal(5, (await ListAsync("tc-a-t1", CenterLevel.Township, state: CaseState.Closed)).Total);
        var late = await ListAsync("tc-a-t1", CenterLevel.Township, overdue: true);
        Assert.Equal(10, late.Total); // even and open: 2, 4, 6, 8, 12, 14, 16, 18, 22, 24
        Assert.All(late.Items, c => Assert.True(c.IsOverdueAt(T0 + Duration.FromHours(2))));
        Assert.Equal(15, (await ListAsync("tc-a-t1", CenterLevel.Township, overdue: false)).Total);
        Assert.Empty((await ListAsync("tc-a-t1", CenterLevel.Township, page: 4, size: 10)).Items);
    }

    [Fact]
    public async Task CaseList_FiltersByRiskTextDueSoonAndTownship_ForTheConsole()
    {
        var now = T0 + Duration.FromHours(2);
        await WriteAsync(
            Case("C-20261123-000001", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.InProgress, 1, due: now + Duration.FromMinutes(30)) with
            {
                Risk = RiskColour.Red, Summary = "东一社区 楼上漏水 100%_赔偿",
            },
            Case("C-20261123-000002", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.InProgress, 2, due: now + Duration.FromHours(2)),
            Case("C-20261123-000003", "tc-a-t1", "tc-a", CenterLevel.County, CaseState.InProgress, 3, due: now - Duration.FromMinutes(1)) with
            {
                Risk = RiskColour.Red, Summary = "欠薪 1000 元",
            },
            Case("C-20261123-000004", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.Closed, 4, due: now + Duration.FromMinutes(10)) with
            {
                FollowUpDueAt = now - Duration.FromMinutes(1),
            });

        Task<CaseListPage> Query(CaseListQuery query) => _reader.CasesAsync(query);
        var township = new CaseListQuery(new CaseScope("tc-a-t1", CenterLevel.Township), null, null, null, now, 1, 50);
        static string[] Ids(CaseListPage page) => page.Items.Select(c => c.Id[^1..]).ToArray();

        // Held by the township's center, or reported in the township wherever it is handled now.
        Assert.Equal(["4", "2", "1"], Ids(await Query(township)));
        Assert.Equal(["4", "3", "2", "1"], Ids(await Query(township with { ReportedInTownship = true })));
        var all = township with { ReportedInTownship = true };
        Assert.Equal(["3", "1"], Ids(await Query(all with { Risk = RiskColour.Red })));
        Assert.Equal(["1"], Ids(await Query(all with { Text = "漏水" })));
        Assert.Equal(["3"], Ids(await Query(all with { Text = "c-20261123-000003" })));
        Assert.Equal(["1"], Ids(await Query(all with { Text = "100%_" })));
        Assert.Empty((await Query(all with { Text = "0%0" })).Items);
        Assert.Equal(["1"], Ids(await Query(all with { Text = "_" })));
        // Due within the hour: open, not yet overdue, due before now + 1 h (not the overdue 3, not the closed 4).
        var soon = await Query(all with { DueBefore = now + Duration.FromHours(1) });
        Assert.Equal(1, soon.Total);
        Assert.Equal(["1"], Ids(soon));
        Assert.Equal(["3"], Ids(await Query(all with { Overdue = true })));
        Assert.Equal(1, (await Query(all with { Risk = RiskColour.Red, Text = "欠薪", Overdue = true })).Total);
        // Follow-up overdue: closed 4 (due a minute ago); not the open ones, not once the follow-up is later than now.
        Assert.Equal(["4"], Ids(await Query(all with { FollowUpOverdue = true })));
        Assert.Empty((await Query(all with { FollowUpOverdue = true, Now = now - Duration.FromMinutes(2) })).Items);
    }

    [Fact]
    public async Task Inbox_OpenNewestFirstThenClosed_KeptToTheLimit()
    {
        await _writer.WriteAsync(new ReadModelBatch(null,
        [
            Summons("S1", "tc-a-t1-pol", SummonsState.Issued, 1),
            Summons("S2", "tc-a-t1-pol", SummonsState.Acknowledged, 2, version: 2),
            Summons("S3", "tc-a-t1-pol", SummonsState.Escalated, 3, version: 2),
            Summons("S4", "tc-a-t1-pol", SummonsState.Cancelled, 4, version: 2),
            Summons("S5", "tc-a-t1-jud", SummonsState.Issued, 5),
        ], []));
        await _writer.WriteAsync(new ReadModelBatch(null, [Summons("S2", "tc-a-t1-pol", SummonsState.Issued, 2, version: 1)], []));

        Assert.Equal(["S2", "S1"], (await _reader.SummonsesAsync("tc-a-t1-pol", openOnly: true, 10)).Select(s => s.Id));
        var all = await _reader.SummonsesAsync("tc-a-t1-pol", openOnly: false, closedKept: 1);
        Assert.Equal(["S2", "S1", "S4"], all.Select(s => s.Id));
        Assert.Equal(Summons("S2", "tc-a-t1-pol", SummonsState.Acknowledged, 2, version: 2), all[0]);
    }

    [Fact]
    public async Task Grid_OpenCasesAndCounts()
    {
        await WriteAsync(
            Case("C-1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.Whistled, 1),
            Case("C-2", "tc-a-t1", "tc-a", CenterLevel.County, CaseState.Resolved, 2),
            Case("C-3", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.Reported, 3));

        var grid = await _reader.GridAsync("tc-a-t1-g1");
        Assert.Equal(["C-3", "C-1"], grid.OpenCases.Select(c => c.Id));
        Assert.Equal((3, 1), (grid.Reported, grid.Resolved));
        Assert.Equal((0, 0), ((await _reader.GridAsync("nowhere")).Reported, (await _reader.GridAsync("nowhere")).Resolved));
    }

    [Fact]
    public async Task Totals_SumFactsPerScopeInTheSpan_WithEveryDuration()
    {
        var monday = new LocalDate(2026, 11, 23);
        StatsFactRow Fact(string scope, LocalDate day, string caseId, int version, int accepted, params int[] ackMinutes) =>
            new(new StatsDayKey(scope, day), caseId, version, StatsTotals.Empty with
            {
                Accepted = accepted, Summoned = ackMinutes.Length, AckedOnTime = ackMinutes.Length,
                AckTimes = ackMinutes.Select(m => Duration.FromMinutes(m) + Duration.FromNanoseconds(7)).ToList(),
            });
        await _writer.WriteAsync(new ReadModelBatch(null, [],
        [
            Fact("tc-a-t1", monday, "C-1", 1, 1, 5, 9),
            Fact("tc-a-t1", monday.PlusDays(1), "C-2", 1, 1, 20),
            Fact("tc-a-t1", monday.PlusDays(9), "C-3", 1, 1, 30),
            Fact("tc-a-t2", monday, "C-4", 1, 1),
        ]));
        await _writer.WriteAsync(new ReadModelBatch(null, [], [Fact("tc-a-t1", monday, "C-1", 2, 1, 5)]));

        var totals = await _reader.TotalsAsync(["tc-a-t1", "tc-a-t2", "tc-a-t3"], monday, monday.PlusDays(6));
        Assert.Equal((2, 2), (totals["tc-a-t1"].Accepted, totals["tc-a-t1"].Summoned));
        Assert.Equal(new[] { 5, 20 }.Select(m => Duration.FromMinutes(m) + Duration.FromNanoseconds(7)).Order(), totals["tc-a-t1"].AckTimes.Order());
        Assert.Equal((1, 0), (totals["tc-a-t2"].Accepted, totals["tc-a-t2"].AckTimes.Count));
        Assert.False(totals.ContainsKey("tc-a-t3"));
    }

    [Fact]
    public async Task StatsCases_AreTheCasesWhoseFactsCountTheMetric_NewestFirst_AndAddUpToTheTotals()
    {
        var monday = new LocalDate(2026, 11, 23);
        StatsFactRow Fact(string scope, LocalDate day, string caseId, StatsTotals totals) => new(new StatsDayKey(scope, day), caseId, 1, totals);
        await WriteAsync(
            Case("C-1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.Whistled, 1),
            Case("C-2", "tc-a-t1", "tc-a", CenterLevel.County, CaseState.InProgress, 2, escalations: 3),
            Case("C-3", "tc-a-t2", "tc-a-t2", CenterLevel.Township, CaseState.Resolved, 3),
            Case("C-4", "tc-b-t1", "tc-b-t1", CenterLevel.Township, CaseState.Whistled, 4));
        await _writer.WriteAsync(new ReadModelBatch(null, [],
        [
            Fact("tc-a-t1", monday, "C-1", StatsTotals.Empty with { Accepted = 1 }),
            Fact("tc-a-t1", monday, "C-2", StatsTotals.Empty with { Accepted = 1, Escalations = 2 }),
            Fact("tc-a-t1", monday.PlusDays(1), "C-2", StatsTotals.Empty with { Escalations = 1 }),
            Fact("tc-a-t2", monday, "C-3", StatsTotals.Empty with { Accepted = 1, Resolved = 1 }),
            Fact("tc-a-t2", monday.PlusDays(8), "C-3", StatsTotals.Empty with { Closed = 1 }),
            Fact("tc-a-t2", monday.PlusDays(1), "C-9", StatsTotals.Empty), // an emptied bucket counts nothing
            Fact("tc-b-t1", monday, "C-4", StatsTotals.Empty with { Accepted = 1 }),
        ]));
        string[] county = ["tc-a-t1", "tc-a-t2"];
        var week = (From: monday, To: monday.PlusDays(6));

        var accepted = await _reader.StatsCasesAsync(county, week.From, week.To, StatsMetric.Accepted, 1, 2);
        Assert.Equal((3, 3), (accepted.Total, accepted.Sum));
        Assert.Equal(["C-3", "C-2"], accepted.Items.Select(i => i.Case.Id));
        Assert.Equal(Case("C-2", "tc-a-t1", "tc-a", CenterLevel.County, CaseState.InProgress, 2, escalations: 3), accepted.Items[1].Case);
        var second = await _reader.StatsCasesAsync(county, week.From, week.To, StatsMetric.Accepted, 2, 2);
        Assert.Equal(["C-1"], second.Items.Select(i => i.Case.Id));

        var escalations = await _reader.StatsCasesAsync(county, week.From, week.To, StatsMetric.Escalations, 1, 20);
        Assert.Equal((1, 3), (escalations.Total, escalations.Sum));
        Assert.Equal(("C-2", 3), (escalations.Items[0].Case.Id, escalations.Items[0].Count));
        var totals = await _reader.TotalsAsync(county, week.From, week.To);
        Assert.Equal(totals.Values.Sum(t => t.Escalations), escalations.Sum);
        Assert.Equal(totals.Values.Sum(t => t.Accepted), accepted.Sum);

        Assert.Equal(0, (await _reader.StatsCasesAsync(county, week.From, week.To, StatsMetric.Closed, 1, 20)).Total);
        Assert.Equal(["C-3"], (await _reader.StatsCasesAsync(county, monday, monday.PlusDays(8), StatsMetric.Closed, 1, 20)).Items.Select(i => i.Case.Id));
        var beyond = await _reader.StatsCasesAsync(["tc-a-t1"], monday, monday, StatsMetric.Accepted, 3, 1);
        Assert.Equal((2, 0), (beyond.Total, beyond.Items.Count));
    }

    [Fact]
    public async Task Attention_OpenOverdueOrEscalated_MostEscalationsFirstThenEarliestDue()
    {
        var now = T0 + Duration.FromHours(2);
        await WriteAsync(
            Case("C-1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.InProgress, 1, due: T0 + Duration.FromMinutes(90)),
            Case("C-2", "tc-a-t1", "tc-a", CenterLevel.County, CaseState.InProgress, 2, due: T0 + Duration.FromMinutes(60), escalations: 1),
            Case("C-3", "tc-a-t2", "tc", CenterLevel.City, CaseState.InProgress, 3, due: T0 + Duration.FromHours(5), escalations: 2),
            Case("C-4", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.Closed, 4, due: T0, escalations: 3),
            Case("C-5", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.InProgress, 5, due: T0 + Duration.FromHours(4)),
            Case("C-6", "tc-a-t1", "tc-a-t1", CenterLevel.Township, CaseState.InProgress, 6, due: T0 + Duration.FromMinutes(30)));

        var attention = await _reader.NeedingAttentionAsync(["tc-a-t1", "tc-a-t2"], now, 10);
        Assert.Equal(["C-3", "C-2", "C-6", "C-1"], attention.Select(c => c.Id));
        Assert.Equal(["C-3"], (await _reader.NeedingAttentionAsync(["tc-a-t1", "tc-a-t2"], now, 1)).Select(c => c.Id));
        var (open, summonses, overdue) = await _reader.CountsAsync(now);
        Assert.Equal((5, 5, 3), (open, summonses, overdue));
    }
}

public sealed class SqliteReadModelTests(SqliteFixture fixture) : ReadModelTests<SqliteFixture>(fixture);

public sealed class PostgresReadModelTests(PostgresFixture fixture) : ReadModelTests<PostgresFixture>(fixture);
