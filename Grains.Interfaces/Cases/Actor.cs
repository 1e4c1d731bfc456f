using Orleans;
namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>Who asks: a role from the API's role table, its scope (a center or department id; null for admin) and a display name.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.Actor")]
public sealed record Actor(string Role, string? Scope, string Name)
{
    public const string Commissioner = "commissioner";
    public const string Department = "department";
    public const string DutyLeader = "dutyLeader";
    public const string Admin = "admin";
    public const string GridWorker = "gridWorker";
    public const string System = "system";

    /// <summary>The engine itself (deadlines, escalation).</summary>
    public static Actor Engine { get; } = new(System, null, "system");

    /// <summary>True when <paramref name="other"/> is the same principal: role, scope and name (a grid worker is its grid and its name).</summary>
    public bool IsSamePrincipal(Actor? other) =>
        other is not null && other.Role == Role && other.Scope == Scope && other.Name == Name;

    public override string ToString() => Scope is null ? Role : $"{Role}:{Scope}";
}
