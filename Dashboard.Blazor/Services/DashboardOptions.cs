namespace Dispatch.Dashboard.Services;

/// <summary>How the host sets up the dashboard.</summary>
public sealed class DashboardOptions
{
    /// <summary>Whether the sign-in page offers demo identities (the embedded default run, with dev tokens on).</summary>
    public bool DemoIdentities { get; set; }

    /// <summary>Where the sign-in form posts (role and scope, or a token; returnUrl).</summary>
    public string SignInEndpoint { get; set; } = "/account/signin";

    /// <summary>Where the sign-out form posts.</summary>
    public string SignOutEndpoint { get; set; } = "/account/signout";

    /// <summary>
    /// The live hub the pages' script connects to (SignalR JSON protocol over a WebSocket, signed in by the cookie):
    /// it calls Watch(scope) for the page's scopes and refreshes the page's live regions on caseChanged, summonsChanged
    /// and escalated.
    /// </summary>
    public string HubPath { get; set; } = "/hubs/live";
}
