using System.Security.Claims;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Live;
using Dispatch.Silo.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/stream: live events of one scope as Server-Sent Events, resumable with Last-Event-ID.</summary>
public static class StreamApi
{
    /// <summary>The SSE reconnection header.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    public static RouteHandlerBuilder MapStreamApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/stream", Stream)
            .WithTags("Live")
            .WithName("StreamEvents")
            .WithSummary("Server-Sent Events of a center, department or case (default: the caller's own scope; the whole city for admin): " +
                "event types case, summons, escalation, each with an id; Last-Event-ID (header or lastEventId) resumes, or gets event reset; " +
                "a comment heartbeat every 15 s; the token may come as access_token for EventSource");

    public static async Task<Results<ServerSentEventsResult, ProblemHttpResult>> Stream(
        string? scope, string? lastEventId, [FromHeader(Name = LastEventIdHeader)] string? lastEventIdHeader,
        ClaimsPrincipal user, ScopeAuthorizer scopes, LiveEventLog log, IOptions<LiveOptions> options)
    {
        var actor = user.ToActor();
        scope ??= actor.Scope ?? scopes.HomeCenter(actor);
        if (PathIds.Invalid(scope, "scope") is { } invalid)
            return invalid;
        switch (await scopes.CanWatchAsync(actor, scope!))
        {
            case ScopeAccess.Unknown:
                return Problems.Result(Problems.NotFound($"No center, department or case '{scope}'."));
            case ScopeAccess.Forbidden:
                return Problems.Result(Problems.Forbidden($"{actor} may not watch {scope}."));
        }
        var resumeFrom = string.IsNullOrWhiteSpace(lastEventIdHeader) ? lastEventId : lastEventIdHeader;
        if (resumeFrom is { Length: > 100 })
            return Problems.Result(Problems.Validation("lastEventId", "An event id is at most 100 characters."));
        // Subscribe before answering, so that nothing published after the client sees the response is missed.
        var live = options.Value;
        var subscription = log.Subscribe(e => e.Scopes.Contains(scope!), string.IsNullOrWhiteSpace(resumeFrom) ? null : resumeFrom.Trim());
        return new ServerSentEventsResult(subscription, live.HeartbeatInterval);
    }
}
