using System.Globalization;
using System.Text;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Grains.Domain.Reports;

/// <summary>
/// Renders a <see cref="CadenceReport"/>'s statistics as one CSV table for spreadsheets: a UTF-8 byte-order mark
/// (so spreadsheet programs read the Chinese names), then the header "section,rank,name," followed by the
/// <see cref="StatsCsv.Columns"/>, then rows: section "county" (this period), "previous" (the period before),
/// "township" and "department" (ranked, rank 1 = best; empty for the county rows). Values are written as
/// <see cref="StatsCsv"/> writes them.
/// </summary>
public static class ReportCsv
{
    /// <summary>The byte-order mark the text starts with.</summary>
    public const char ByteOrderMark = '\uFEFF';

    /// <summary>The CSV text.</summary>
    public static string Render(CadenceReport report)
    {
        var csv = new StringBuilder().Append(ByteOrderMark);
        StatsCsv.Line(csv, ["section", "rank", "name", .. StatsCsv.Columns]);
        Row(csv, report, "county", null, report.County);
        Row(csv, report, "previous", null, report.Previous);
        for (var i = 0; i < report.Townships.Count; i++) Row(csv, report, "township", i + 1, report.Townships[i]);
        for (var i = 0; i < report.Departments.Count; i++) Row(csv, report, "department", i + 1, report.Departments[i]);
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, CadenceReport report, string section, int? rank, StatsView view) =>
        StatsCsv.Line(csv, [section, rank?.ToString(CultureInfo.InvariantCulture) ?? "", report.Names.GetValueOrDefault(view.Scope) ?? view.Scope,
            .. StatsCsv.Cells(view)]);
}
