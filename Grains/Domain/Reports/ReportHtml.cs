using System.Globalization;
using System.Net;
using System.Text;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Grains.Domain.Reports;

/// <summary>
/// Renders a <see cref="CadenceReport"/> as one self-contained HTML page (inline style, no scripts, no external
/// resources) with Chinese headings: overview against the previous period, township ranking, department ranking,
/// cases needing supervision. Every text from data is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
        h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:2px solid #b22;padding-bottom:.2em}
        .meta,.note{color:#555;font-size:.9em}table{border-collapse:collapse;width:100%;font-size:.9em}
        th,td{border:1px solid #ccc;padding:.3em .5em;text-align:right}th{background:#f3f3f3}
        td.name,th.name{text-align:left}tr:nth-child(even) td{background:#fafafa}
        """;

    /// <summary>The measure labels of the overview, in API order, with how to show each value.</summary>
    private static readonly (string Label, Func<StatsView, string> Value)[] Measures =
    [
        ("受理数", v => Int(v.Accepted)),
        ("办结数", v => Int(v.Resolved)),
        ("结案数", v => Int(v.Closed)),
        ("办结率", v => ReportText.Percent(v.CompletionRate)),
        ("哨令数（召集部门次数）", v => Int(v.Summoned)),
        ("按时签收数", v => Int(v.AckedOnTime)),
        ("按时签收率", v => ReportText.Percent(v.OnTimeAckRate)),
        ("签收用时中位数", v => ReportText.Span(v.MedianAck)),
        ("报到用时中位数", v => ReportText.Span(v.MedianArrive)),
        ("升级数", v => Int(v.Escalations)),
        ("回访数", v => Int(v.FollowUps)),
        ("平均满意度（1–5）", v => ReportText.Score(v.MeanSatisfaction)),
        ("满意率（4–5分）", v => ReportText.Percent(v.SatisfiedRate)),
    ];

    /// <summary>The page.</summary>
    public static string Render(CadenceReport report)
    {
        var h = report.Header;
        var county = Name(report, h.CountyId);
        var title = county + CadenceCalendar.Title(h.Kind);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E(title)).Append('（').Append(E(ReportText.Date(h.From))).Append("）</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        html.Append("<p class=\"meta\">统计周期：").Append(E(ReportText.Date(h.From))).Append(" 至 ").Append(E(ReportText.Date(h.To)))
            .Append("（北京时间）　生成时间：").Append(E(ReportText.Time(h.GeneratedAt))).Append("　报告编号：").Append(E(h.Id)).Append("</p>\n");

        html.Append("<h2>一、总体情况</h2>\n<table>\n<tr><th class=\"name\">指标</th><th>本期</th><th>上期（")
            .Append(E(ReportText.Date(report.Previous.From))).Append(" 至 ").Append(E(ReportText.Date(report.Previous.To))).Append("）</th></tr>\n");
        foreach (var (label, value) in Measures)
        {
            html.Append("<tr><td class=\"name\">").Append(E(label)).Append("</td><td>").Append(E(value(report.County)))
                .Append("</td><td>").Append(E(value(report.Previous))).Append("</td></tr>\n");
        }
        html.Append("</table>\n");

        Ranking(html, report, "二、乡镇（街道）排名", "乡镇（街道）", report.Townships);
        Ranking(html, report, "三、部门排名", "部门", report.Departments);

        html.Append("<h2>四、需督办事件（超期或已升级）</h2>\n");
        if (report.Attention.Count == 0)
        {
            html.Append("<p>无需督办事件。</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th class=\"name\">事件编号</th><th class=\"name\">乡镇（街道）</th><th class=\"name\">类别</th><th>等级</th><th>风险</th>")
                .Append("<th>受理时间</th><th>办理时限</th><th class=\"name\">当前办理中心</th><th>升级次数</th><th class=\"name\">包案领导</th></tr>\n");
            foreach (var c in report.Attention)
            {
                html.Append("<tr><td class=\"name\">").Append(E(c.Id)).Append("</td><td class=\"name\">").Append(E(Name(report, c.TownshipId)))
                    .Append("</td><td class=\"name\">").Append(E(ReportText.Category(c.Category))).Append("</td><td>").Append(E(ReportText.Tier(c.Tier)))
                    .Append("</td><td>").Append(E(ReportText.Risk(c.Risk))).Append("</td><td>").Append(E(ReportText.Time(c.CreatedAt)))
                    .Append("</td><td>").Append(E(c.DueAt is { } due ? ReportText.Time(due) : ReportText.None))
                    .Append("</td><td class=\"name\">").Append(E(Name(report, c.CenterId))).Append("</td><td>").Append(Int(c.Escalations))
                    .Append("</td><td class=\"name\">").Append(E(c.Leader ?? ReportText.None)).Append("</td></tr>\n");
            }
            html.Append("</table>\n");
        }

        html.Append("<p class=\"note\">口径说明：受理按受理时间、办结按办结时间、结案按结案时间、升级按升级时间、回访按最近一次回访时间计入统计周期；")
            .Append("哨令、按时签收及用时中位数按哨令下达时间计入；办结率为本期受理事件中已办结的比例。")
            .Append("排名依次按按时签收率、办结率、平均满意度从高到低，无数据者列后，完全并列按编号排序。</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Ranking(StringBuilder html, CadenceReport report, string heading, string unit, IReadOnlyList<StatsView> rows)
    {
        html.Append("<h2>").Append(E(heading)).Append("</h2>\n");
        if (rows.Count == 0)
        {
            html.Append("<p>无。</p>\n");
            return;
        }
        html.Append("<table>\n<tr><th>名次</th><th class=\"name\">").Append(E(unit)).Append("</th><th>受理</th><th>办结</th><th>办结率</th>")
            .Append("<th>哨令</th><th>按时签收率</th><th>签收用时中位数</th><th>报到用时中位数</th><th>升级</th><th>回访</th><th>平均满意度</th><th>满意率</th></tr>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var v = rows[i];
            html.Append("<tr><td>").Append(Int(i + 1)).Append("</td><td class=\"name\">").Append(E(Name(report, v.Scope)))
                .Append("</td><td>").Append(Int(v.Accepted)).Append("</td><td>").Append(Int(v.Resolved))
                .Append("</td><td>").Append(E(ReportText.Percent(v.CompletionRate))).Append("</td><td>").Append(Int(v.Summoned))
                .Append("</td><td>").Append(E(ReportText.Percent(v.OnTimeAckRate))).Append("</td><td>").Append(E(ReportText.Span(v.MedianAck)))
                .Append("</td><td>").Append(E(ReportText.Span(v.MedianArrive))).Append("</td><td>").Append(Int(v.Escalations))
                .Append("</td><td>").Append(Int(v.FollowUps)).Append("</td><td>").Append(E(ReportText.Score(v.MeanSatisfaction)))
                .Append("</td><td>").Append(E(ReportText.Percent(v.SatisfiedRate))).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Name(CadenceReport report, string id) => report.Names.GetValueOrDefault(id) ?? id;

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
