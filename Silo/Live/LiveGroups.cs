namespace Dispatch.Silo.Live;

/// <summary>The SignalR group of a watched scope.</summary>
public static class LiveGroups
{
    /// <summary>The group name of a center, department or case id (ids are unique across the three).</summary>
    public static string Of(string scope) => $"scope:{scope}";

    /// <summary>The groups of every scope an event concerns.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> scopes) => scopes.Select(Of).ToArray();
}
