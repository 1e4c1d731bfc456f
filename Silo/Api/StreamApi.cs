using System.Security.Claims;
using Dispatch.Grains.Engine.Events;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Live;
using Dispatch.Silo.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/stream: live events of one scope as Server-Sent Events.</summary>
public static class StreamApi
{
    public static RouteHandlerBuilder MapStreamApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/stream", Stream)
            .WithTags("Live")
            .WithName("StreamEvents")
            .WithSummary("Server-Sent Events of a center, department or case: event types case, summons, escalation; a comment heartbeat every 15 s");

    public static async Task<Results<ServerSentEventsResult, ProblemHttpResult>> Stream(
        string? scope, ClaimsPrincipal user, ScopeAuthorizer scopes, EventBus events, IOptions<LiveOptions> options)
    {
        if (PathIds.Invalid(scope, "scope") is { } invalid)
            return invalid;
        var actor = user.ToActor();
        switch (await scopes.CanWatchAsync(actor, scope!))
        {
            case ScopeAccess.Unknown:
                return Problems.Result(Problems.NotFound($"No center, department or case '{scope}'."));
            case ScopeAccess.Forbidden:
                return Problems.Result(Problems.Forbidden($"{actor} may not watch {scope}."));
        }
        // Subscribe before answering, so that nothing published after the client sees the response is missed.
        var live = options.Value;
        var subscription = events.Subscribe(live.SubscriberCapacity, e => LiveEvent.Concerns(e, scope!));
        return new ServerSentEventsResult(subscription, live.HeartbeatInterval);
    }
}
