namespace Dispatch.Dashboard;

/// <summary>Where the dashboard's embedded assets (Assets/) are served, relative to the site's root.</summary>
public static class DashboardAssets
{
    public const string Path = "dashboard-assets";

    /// <summary>The manifest-name prefix of the embedded assets.</summary>
    public const string ResourceNamespace = "Dispatch.Dashboard.Assets";
}
