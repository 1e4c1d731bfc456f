namespace Dispatch.Grains.Interfaces.Stats;

/// <summary>
/// A calendar period of statistics in Asia/Shanghai, named by any date in it (the API's <c>period</c> parameter:
/// day|week|month|quarter). Every period is a whole number of local days from 00:00 of its first day to 00:00 of
/// the day after its last.
/// </summary>
public enum StatsPeriod
{
    /// <summary>One local day (日).</summary>
    Day,

    /// <summary>Monday to Sunday (周), ISO weeks.</summary>
    Week,

    /// <summary>A calendar month (月).</summary>
    Month,

    /// <summary>A calendar quarter (季): January–March, April–June, July–September, October–December.</summary>
    Quarter,
}
