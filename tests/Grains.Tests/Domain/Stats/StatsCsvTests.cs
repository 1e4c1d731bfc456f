using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Stats;

public sealed class StatsCsvTests
{
    private static readonly StatsView View = new("tc-a", StatsPeriod.Week, new(2026, 11, 23), new(2026, 11, 29), 12, 10, 9, 0.75, 20, 15, 0.75,
        Duration.FromMinutes(90), null, 2, 4, 4.25, 2 / 3.0) { Reopened = 1, Repeats = 3, RepeatRate = 0.25 };

    [Fact]
    public void Render_OneView_HeaderAndRowInApiFieldOrder()
    {
        Assert.Equal(
            "scope,period,from,to,accepted,resolved,closed,completionRate,summoned,ackedOnTime,onTimeAckRate,medianAck,medianArrive,escalations,followUps,meanSatisfaction,satisfiedRate,reopened,repeats,repeatRate\r\n" +
            "tc-a,week,2026-11-23,2026-11-29,12,10,9,0.75,20,15,0.75,PT1H30M,,2,4,4.25,0.666667,1,3,0.25\r\n",
            StatsCsv.Render(View));
    }

    [Fact]
    public void RenderRanking_NumbersRowsFromOne()
    {
        var csv = StatsCsv.RenderRanking([View, View with { Scope = "tc-b" }]).Split("\r\n");

        Assert.StartsWith("rank,scope,", csv[0]);
        Assert.StartsWith("1,tc-a,", csv[1]);
        Assert.StartsWith("2,tc-b,", csv[2]);
        Assert.Equal("", csv[3]);
    }

    [Fact]
    public void Line_CellsWithSeparatorsOrQuotes_AreQuoted()
    {
        var csv = new System.Text.StringBuilder();
        StatsCsv.Line(csv, ["a,b", "say \"hi\"", "line\nbreak", "plain"]);

        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",plain\r\n", csv.ToString());
    }
}
