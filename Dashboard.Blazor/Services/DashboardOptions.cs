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
}
