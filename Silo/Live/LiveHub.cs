using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Silo.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Silo.Live;

/// <summary>
/// The live hub at <see cref="Path"/>: a client calls <c>Watch(scope)</c> for each center, department or case it wants,
/// and receives <c>caseChanged</c>, <c>summonsChanged</c> and <c>escalated</c> for events of those scopes, sent by
/// <see cref="LivePusher"/>. Who may watch what is <see cref="ScopeAuthorizer"/>'s decision, as for the SSE stream.
/// Connections authenticate with a bearer token (the Authorization header, or <c>?access_token=</c> for WebSockets and
/// server-sent events) or the dashboard's cookie.
/// </summary>
[Authorize]
public sealed class LiveHub(ScopeAuthorizer scopes, ILogger<LiveHub> logger) : Hub<IDispatchClient>
{
    public const string Path = "/hubs/live";

    /// <summary>Joins the group of <paramref name="scope"/>.</summary>
    /// <exception cref="HubException">The scope is not an id, does not exist, or the caller may not watch it.</exception>
    public async Task Watch(string scope)
    {
        if (!Ids.IsValid(scope))
            throw new HubException("The scope must be a center, department or case id.");
        var actor = Context.User!.ToActor();
        switch (await scopes.CanWatchAsync(actor, scope))
        {
            case ScopeAccess.Unknown:
                throw new HubException($"No center, department or case '{scope}'.");
            case ScopeAccess.Forbidden:
                throw new HubException($"{actor} may not watch {scope}.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Of(scope), Context.ConnectionAborted);
        logger.LogDebug("{Actor} watches {Scope} on connection {Connection}", actor, scope, Context.ConnectionId);
    }

    /// <summary>Leaves the group of <paramref name="scope"/> (nothing happens when the caller was not in it).</summary>
    public async Task Unwatch(string scope)
    {
        if (Ids.IsValid(scope))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Of(scope), Context.ConnectionAborted);
    }
}
