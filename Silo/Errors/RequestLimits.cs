using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dispatch.Silo.Errors;

/// <summary>
/// The request-target and header limits, answered with problem+json. Kestrel answers a request over its own limits
/// while parsing it, before any middleware runs, with a bare status; so Kestrel's limits are set to
/// <see cref="KestrelRequestLineBytes"/> and <see cref="KestrelHeaderBytes"/>, and this middleware, first in the pipeline,
/// answers 414 above <see cref="MaxTargetLength"/> characters of path and query and 431 above <see cref="MaxHeaderBytes"/>
/// of headers. Only a request over Kestrel's (larger) limits still gets Kestrel's bare answer.
/// </summary>
public static class RequestLimits
{
    /// <summary>The longest request target (path and query) the API reads.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>The most header bytes (names and values) the API reads.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Kestrel's request-line limit: room for a too-long target to reach the middleware.</summary>
    public const int KestrelRequestLineBytes = 64 * 1024;

    /// <summary>Kestrel's header limit: room for too-large headers to reach the middleware.</summary>
    public const int KestrelHeaderBytes = 128 * 1024;

    public static IServiceCollection AddDispatchRequestLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = KestrelRequestLineBytes;
            o.Limits.MaxRequestHeadersTotalSize = KestrelHeaderBytes;
        });

    public static IApplicationBuilder UseDispatchRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        Microsoft.AspNetCore.Mvc.ProblemDetails? problem = null;
        if (target.Length > MaxTargetLength)
            problem = Problems.UriTooLong(MaxTargetLength);
        else if (HeaderBytes(context.Request.Headers) > MaxHeaderBytes)
            problem = Problems.HeadersTooLarge(MaxHeaderBytes);
        if (problem is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    });

    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length + 4;
            foreach (var value in values)
                total += value?.Length ?? 0;
        }
        return total;
    }
}
