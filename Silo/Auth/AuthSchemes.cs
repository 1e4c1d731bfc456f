namespace Dispatch.Silo.Auth;

/// <summary>Authentication scheme names.</summary>
public static class AuthSchemes
{
    /// <summary>Signed bearer tokens (<see cref="TokenService"/>): the API's scheme.</summary>
    public const string Bearer = "Bearer";

    /// <summary>
    /// The default scheme: a policy scheme that forwards to <see cref="Bearer"/> when an Authorization header is
    /// present, and to the interactive scheme (the dashboard's cookie, when one is registered) otherwise.
    /// </summary>
    public const string Default = "Dispatch";
}
