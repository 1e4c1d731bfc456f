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

    /// <summary>
    /// Requests under this path may carry the bearer token as <c>?access_token=</c> (<see cref="AccessTokenQuery"/>):
    /// browsers cannot set headers on WebSockets and server-sent events, which the live hub uses.
    /// </summary>
    public const string QueryTokenPath = "/hubs";

    /// <summary>The query parameter that carries a bearer token under <see cref="QueryTokenPath"/>.</summary>
    public const string AccessTokenQuery = "access_token";

    /// <summary>The bearer token a request carries in its query string (only under <see cref="QueryTokenPath"/>), or null.</summary>
    public static string? QueryToken(HttpRequest request) =>
        request.Path.StartsWithSegments(QueryTokenPath) && request.Query.TryGetValue(AccessTokenQuery, out var token) && token.Count == 1
            ? token[0]
            : null;
}
