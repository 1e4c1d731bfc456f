namespace Dispatch.Grains.Interfaces.Model;

/// <summary>
/// The level of a governance center (综治中心) in the four-level organisation:
/// city 市 → county / district / banner 县·区·旗 → township / street / sumu 乡镇·街道·苏木 →
/// village / community 村·社区·嘎查. Each level's parent is exactly one level up.
/// </summary>
public enum CenterLevel
{
    /// <summary>City 市: the root; has no parent.</summary>
    City,

    /// <summary>County, district or banner 县·区·旗; its parent is the city.</summary>
    County,

    /// <summary>Township, street or sumu 乡镇·街道·苏木; its parent is a county. Cases are handled here first.</summary>
    Township,

    /// <summary>Village, community or gacha 村·社区·嘎查 (a station 综治工作站); its parent is a township.</summary>
    Village,
}
