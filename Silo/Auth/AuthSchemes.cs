namespace Dispatch.Silo.Auth;

/// <summary>Authentication scheme names.</summary>
public static class AuthSchemes
{
    /// <summary>The silo's own JWTs (<see cref="TokenService"/>): the API's scheme.</summary>
    public const string Bearer = "Bearer";

    /// <summary>An external OpenID Connect provider's JWTs (<c>Auth:Authority</c>), when one is configured.</summary>
    public const string External = "Oidc";

    /// <summary>
    /// The default scheme: a policy scheme that forwards to <see cref="Bearer"/> or <see cref="External"/> when the
    /// request carries a token, and to the interactive scheme (the dashboard's cookie, when one is registered) otherwise.
    /// </summary>
    public const string Default = "Dispatch";

    /// <summary>
    /// Requests under these paths may carry the bearer token as <c>?access_token=</c> (<see cref="AccessTokenQuery"/>):
    /// browsers cannot set headers on WebSockets and server-sent events (the live hub, and the SSE stream's EventSource).
    /// </summary>
    public static IReadOnlyList<string> QueryTokenPaths { get; } = ["/hubs", "/api/v1/stream"];

    /// <summary>The query parameter that carries a bearer token under <see cref="QueryTokenPaths"/>.</summary>
    public const string AccessTokenQuery = "access_token";

    /// <summary>True for a request under one of <see cref="QueryTokenPaths"/>.</summary>
    public static bool TakesQueryToken(HttpRequest request) =>
        QueryTokenPaths.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The bearer token a request carries in its query string (only under <see cref="QueryTokenPaths"/>), or null.</summary>
    public static string? QueryToken(HttpRequest request) =>
        TakesQueryToken(request) && request.Query.TryGetValue(AccessTokenQuery, out var token) && token.Count == 1
            ? token[0]
            : null;
}
