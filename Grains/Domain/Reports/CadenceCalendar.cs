using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Reports;

/// <summary>When cadence reports fall due and what they cover (pure functions on Asia/Shanghai dates).</summary>
public static class CadenceCalendar
{
    /// <summary>Every cadence, shortest first.</summary>
    public static IReadOnlyList<ReportKind> Kinds { get; } = [ReportKind.Daily, ReportKind.Weekly, ReportKind.Monthly, ReportKind.Quarterly];

    /// <summary>The statistics period a cadence reports on: day, week, month, quarter.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public static StatsPeriod PeriodOf(ReportKind kind) => kind switch
    {
        ReportKind.Daily => StatsPeriod.Day,
        ReportKind.Weekly => StatsPeriod.Week,
        ReportKind.Monthly => StatsPeriod.Month,
        ReportKind.Quarterly => StatsPeriod.Quarter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown report kind."),
    };

    /// <summary>The first day of the <paramref name="kind"/> period containing <paramref name="date"/>.</summary>
    public static LocalDate PeriodStart(ReportKind kind, LocalDate date) => StatsPeriods.Start(PeriodOf(kind), date);

    /// <summary>
    /// When the report of the period starting <paramref name="periodStart"/> falls due: 00:00 Asia/Shanghai on the day
    /// after the period's last day (the next midnight, Monday, 1st, or quarter's first day).
    /// </summary>
    public static Instant DueAt(ReportKind kind, LocalDate periodStart) =>
        StatsPeriods.StartOfDay(StatsPeriods.Next(PeriodOf(kind), periodStart));

    /// <summary>The report id "<c>{countyId}.{kind}.{yyyy-MM-dd}</c>", e.g. "tc-a.weekly.2026-11-23".</summary>
    public static string ReportId(string countyId, ReportKind kind, LocalDate periodStart) =>
        $"{countyId}.{Name(kind)}.{LocalDatePattern.Iso.Format(periodStart)}";

    /// <summary>The lower-case name of a cadence: daily, weekly, monthly, quarterly.</summary>
    public static string Name(ReportKind kind) => kind switch
    {
        ReportKind.Daily => "daily",
        ReportKind.Weekly => "weekly",
        ReportKind.Monthly => "monthly",
        _ => "quarterly",
    };

    /// <summary>The Chinese title: 日调度表, 周分析报告, 月研判报告, 季考评报告.</summary>
    public static string Title(ReportKind kind) => kind switch
    {
        ReportKind.Daily => "日调度表",
        ReportKind.Weekly => "周分析报告",
        ReportKind.Monthly => "月研判报告",
        _ => "季考评报告",
    };
}
