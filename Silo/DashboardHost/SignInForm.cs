namespace Dispatch.Silo.DashboardHost;

/// <summary>The sign-in page's form: a demo identity (role and scope) or a bearer token, and where to go next.</summary>
public sealed class SignInForm
{
    public string? Role { get; set; }
    public string? Scope { get; set; }
    public string? Token { get; set; }
    public string? ReturnUrl { get; set; }
}
