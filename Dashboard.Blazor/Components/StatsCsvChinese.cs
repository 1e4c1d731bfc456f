using System.Globalization;
using System.Text;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Dashboard.Components;

/// <summary>
/// The statistics page's Chinese CSV (<c>?lang=zh</c>), for Excel: a UTF-8 byte-order mark, Chinese headers, units by
/// name, periods in Chinese, rates as percentages, medians as words (1 小时 12 分). The API's CSV
/// (<see cref="StatsCsv"/>) keeps its columns for integrators.
/// </summary>
public static class StatsCsvChinese
{
    /// <summary>The header of <see cref="Render"/>, column for column the API's <see cref="StatsCsv.Columns"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "单位", "周期", "起始日期", "截止日期", "受理数", "办结数", "结案数", "办结率", "召集数", "按时签收数",
        "按时签收率", "签收用时中位数", "报到用时中位数", "升级数", "回访数", "平均满意度", "满意率",
        "重办数", "重复件数", "重复件率",
    ];

    /// <summary>One statistics view: BOM, header and one row; <paramref name="name"/> names a unit by its id.</summary>
    public static string Render(StatsView view, Func<string, string> name)
    {
        var csv = new StringBuilder("\uFEFF");
        StatsCsv.Line(csv, Columns);
        StatsCsv.Line(csv, Cells(view, name));
        return csv.ToString();
    }

    /// <summary>A ranking: BOM, the header with a leading 排名 column (1 = best), one row per view in the given order.</summary>
    public static string RenderRanking(IReadOnlyList<StatsView> ranking, Func<string, string> name)
    {
        var csv = new StringBuilder("\uFEFF");
        StatsCsv.Line(csv, ["排名", .. Columns]);
        for (var i = 0; i < ranking.Count; i++)
            StatsCsv.Line(csv, [(i + 1).ToString(CultureInfo.InvariantCulture), .. Cells(ranking[i], name)]);
        return csv.ToString();
    }

    private static IReadOnlyList<string> Cells(StatsView v, Func<string, string> name) =>
    [
        name(v.Scope), PeriodName(v.Period), Date(v.From), Date(v.To), Int(v.Accepted), Int(v.Resolved), Int(v.Closed), Percent(v.CompletionRate),
        Int(v.Summoned), Int(v.AckedOnTime), Percent(v.OnTimeAckRate), Span(v.MedianAck), Span(v.MedianArrive), Int(v.Escalations),
        Int(v.FollowUps), v.MeanSatisfaction is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "", Percent(v.SatisfiedRate),
        Int(v.Reopened), Int(v.Repeats), Percent(v.RepeatRate),
    ];

    private static string PeriodName(StatsPeriod period) => period switch
    {
        StatsPeriod.Day => "日",
        StatsPeriod.Week => "周",
        StatsPeriod.Month => "月",
        _ => "季",
    };

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "";

    private static string Span(Duration? span) => span is { } s ? Formats.ReadableChinese(s) : "";
}
