using System.Globalization;
using System.Text;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.Interfaces.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// Statistics as CSV (RFC 4180, comma separated, CRLF line ends, UTF-8 text without a byte-order mark): the API's
/// <c>Accept: text/csv</c>. Columns are the JSON field names in API order; rates are decimals 0..1 (invariant
/// culture, up to 6 decimals), spans ISO-8601 durations, missing values (null) empty cells.
/// </summary>
public static class StatsCsv
{
    /// <summary>The header of <see cref="Render(StatsView)"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "scope", "period", "from", "to", "accepted", "resolved", "closed", "completionRate", "summoned", "ackedOnTime",
        "onTimeAckRate", "medianAck", "medianArrive", "escalations", "followUps", "meanSatisfaction", "satisfiedRate",
        "reopened", "repeats", "repeatRate",
    ];

    /// <summary>One statistics view: the header line and one row.</summary>
    public static string Render(StatsView view)
    {
        var csv = new StringBuilder();
        Line(csv, Columns);
        Line(csv, Cells(view));
        return csv.ToString();
    }

    /// <summary>A ranking: the header with a leading "rank" column (1 = best), then one row per view in the given order.</summary>
    public static string RenderRanking(IReadOnlyList<StatsView> ranking)
    {
        var csv = new StringBuilder();
        Line(csv, ["rank", .. Columns]);
        for (var i = 0; i < ranking.Count; i++) Line(csv, [(i + 1).ToString(CultureInfo.InvariantCulture), .. Cells(ranking[i])]);
        return csv.ToString();
    }

    /// <summary>The cells of one view in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<string> Cells(StatsView v) =>
    [
        v.Scope, PeriodName(v.Period), Date(v.From), Date(v.To), Int(v.Accepted), Int(v.Resolved), Int(v.Closed), Rate(v.CompletionRate),
        Int(v.Summoned), Int(v.AckedOnTime), Rate(v.OnTimeAckRate), Span(v.MedianAck), Span(v.MedianArrive), Int(v.Escalations),
        Int(v.FollowUps), Rate(v.MeanSatisfaction), Rate(v.SatisfiedRate), Int(v.Reopened), Int(v.Repeats), Rate(v.RepeatRate),
    ];

    /// <summary>Appends one CSV line, quoting cells that hold a comma, quote, CR or LF (quotes doubled).</summary>
    public static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) csv.Append(',');
            first = false;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else csv.Append(cell);
        }
        csv.Append("\r\n");
    }

    /// <summary>The API's name of a period: day, week, month or quarter.</summary>
    public static string PeriodName(StatsPeriod period) => period switch
    {
        StatsPeriod.Day => "day",
        StatsPeriod.Week => "week",
        StatsPeriod.Month => "month",
        _ => "quarter",
    };

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";

    private static string Span(Duration? value) => value is { } d ? DurationJsonConverter.Format(d) : "";
}
