using Dispatch.Silo.Application;

namespace Dispatch.Silo.Api;

/// <summary>
/// Runs every /api/v1 handler under the <see cref="EngineRetry"/> policy: a handler whose engine call failed for the
/// moment runs again, within the request's budget, so a client of a surviving silo sees a slower answer during a
/// failover rather than an error. Handlers only return results (nothing is written before they end), and the
/// commands behind them are idempotent, so running one again is harmless.
/// </summary>
public sealed class EngineRetryFilter(EngineRetry retry) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await retry.RunAsync(() => next(context).AsTask());
}
