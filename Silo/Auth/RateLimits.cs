using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Options;

namespace Dispatch.Silo.Auth;

/// <summary>
/// ASP.NET's rate limiter on /api and /hubs (<see cref="RateLimitOptions"/>): one token bucket per authenticated
/// principal (an external provider's issuer and subject; the role, scope and name of the silo's own tokens and of the
/// dashboard's sign-in), one per remote address for everything else. It runs after authentication, so a valid token
/// counts against its principal wherever it comes from; a rejected request gets 429 problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddDispatchRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            o.OnRejected = async (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
                    : Math.Max(1, (int)Math.Ceiling(options.Period.TotalSeconds));
                var http = rejected.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Problems.TooManyRequests(seconds) });
            };
        });
        return services;
    }

    /// <summary>The bucket a request draws from: "p:…" per principal, "a:…" per remote address, none outside /api and /hubs.</summary>
    public static string? PartitionKey(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/hubs"))
            return null;
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(DispatchClaims.Role) is { } role)
        {
            return "p:" + (user.FindFirstValue(DispatchClaims.Subject)
                ?? $"{role}|{user.FindFirstValue(DispatchClaims.Scope)}|{user.FindFirstValue(DispatchClaims.Name)}");
        }
        return "a:" + context.Connection.RemoteIpAddress;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        if (!options.Enabled || PartitionKey(context) is not { } key)
            return RateLimitPartition.GetNoLimiter("");
        var anonymous = key[0] == 'a';
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = anonymous ? options.AnonymousBurst : options.Burst,
            TokensPerPeriod = anonymous ? options.AnonymousPermitsPerPeriod : options.PermitsPerPeriod,
            ReplenishmentPeriod = options.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
