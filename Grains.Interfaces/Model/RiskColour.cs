namespace Dispatch.Grains.Interfaces.Model;

/// <summary>
/// Early-warning colour (蓝橙红, "three colours, three lists"). It fixes how quickly summoned
/// departments must acknowledge and arrive; red runs on elapsed time, the others on working time.
/// </summary>
public enum RiskColour
{
    /// <summary>Blue 蓝: routine.</summary>
    Blue,

    /// <summary>Orange 橙: elevated.</summary>
    Orange,

    /// <summary>Red 红: urgent; deadlines run on elapsed time, holidays included.</summary>
    Red,
}
