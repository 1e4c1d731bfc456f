namespace Dispatch.Grains.Interfaces.Reports;

/// <summary>
/// The management cadences of a county (日调度、周分析、月研判、季考评): each is produced at 00:00 Asia/Shanghai right
/// after its period ends — every midnight, every Monday, every 1st, every 1 January/April/July/October.
/// </summary>
public enum ReportKind
{
    /// <summary>Daily dispatch sheet 日调度表: the day before.</summary>
    Daily,

    /// <summary>Weekly analysis 周分析: the week (Monday to Sunday) before.</summary>
    Weekly,

    /// <summary>Monthly review 月研判: the month before.</summary>
    Monthly,

    /// <summary>Quarterly evaluation 季考评: the quarter before.</summary>
    Quarterly,
}
