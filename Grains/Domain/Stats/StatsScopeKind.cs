namespace Dispatch.Grains.Domain.Stats;

/// <summary>What a statistics scope id names.</summary>
public enum StatsScopeKind
{
    /// <summary>A township center: day buckets of its own.</summary>
    Township,

    /// <summary>A county center: the sum of its townships.</summary>
    County,

    /// <summary>The city center: the sum of its counties.</summary>
    City,

    /// <summary>A department: day buckets of its own.</summary>
    Department,
}
