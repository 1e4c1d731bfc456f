using System.Security.Claims;
using Dispatch.Runtime.Events;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/stream: live events of one scope as Server-Sent Events.</summary>
public static class StreamApi
{
    /// <summary>Events that may wait for a slow client before newer ones are dropped for it.</summary>
    public const int SubscriberCapacity = 10_000;

    public static RouteHandlerBuilder MapStreamApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/stream", Stream)
            .WithTags("Live")
            .WithName("StreamEvents")
            .WithSummary("Server-Sent Events of a center, department or case: event types case, summons, escalation; a comment heartbeat every 15 s");

    public static async Task<Results<ServerSentEventsResult, ProblemHttpResult>> Stream(
        string? scope, ClaimsPrincipal user, ScopeAuthorizer scopes, EventBus events)
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
        var subscription = events.Subscribe(SubscriberCapacity, e => LiveEvent.Concerns(e, scope!));
        return new ServerSentEventsResult(subscription);
    }
}
