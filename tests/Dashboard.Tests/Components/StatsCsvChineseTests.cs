using System.Text;
using Dispatch.Dashboard.Components;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>The statistics page's Chinese CSV opens in Excel in Chinese: BOM, Chinese headers, names, percentages, spans in words.</summary>
public sealed class StatsCsvChineseTests
{
    private static readonly StatsView View = new("tc-a-t2", StatsPeriod.Week, new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 29),
        12, 9, 4, 0.75, 20, 17, 0.85, Duration.FromMinutes(72), Duration.FromSeconds(185), 3, 2, 4.5, 1.0)
    { Reopened = 1, Repeats = 2, RepeatRate = 1.0 / 6 };

    private static string Name(string id) => ComponentContext.City.UnitName(id);

    [Fact]
    public void Render_HasBom_ChineseHeader_NameAndReadableCells()
    {
        var csv = StatsCsvChinese.Render(View, Name);
        var bytes = Encoding.UTF8.GetBytes(csv);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = csv[1..].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(string.Join(',', StatsCsvChinese.Columns), lines[0]);
        Assert.Equal(StatsCsv.Columns.Count, StatsCsvChinese.Columns.Count);
        var cells = lines[1].Split(',');
        Assert.Equal(Name("tc-a-t2"), cells[0]);
        Assert.NotEqual("tc-a-t2", cells[0]);
        Assert.Equal(["周", "2026-11-23", "2026-11-29", "12", "9", "4", "75%", "20", "17", "85%", "1 小时 12 分", "3 分 5 秒", "3", "2", "4.5", "100%", "1", "2", "16.7%"],
            cells[1..]);
    }

    [Fact]
    public void RenderRanking_LeadsWithRank_OneRowPerUnit_MissingValuesEmpty()
    {
        var empty = View with { Scope = "tc-a-t3", CompletionRate = null, MedianAck = null };
        var lines = StatsCsvChinese.RenderRanking([View, empty], Name)[1..].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("排名,单位,周期", lines[0]);
        Assert.StartsWith($"1,{Name("tc-a-t2")},周,", lines[1]);
        var second = lines[2].Split(',');
        Assert.Equal(["2", Name("tc-a-t3")], second[..2]);
        Assert.Equal("", second[8]);
        Assert.Equal("", second[12]);
    }
}
