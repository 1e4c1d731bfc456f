namespace Dispatch.Grains.Interfaces.Stats;

/// <summary>What a ranking lists (the API's <c>by</c> parameter).</summary>
public enum RankBy
{
    /// <summary>The departments of the scope's center and of every center under it.</summary>
    Department,

    /// <summary>The townships under the scope (a county's, or all of the city's).</summary>
    Township,
}
