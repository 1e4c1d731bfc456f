using System.Security.Claims;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Application;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Dispatch.Silo.Api;

/// <summary>One delivery as the API lists it.</summary>
public sealed record NotificationDto(string Id, string EventId, string Type, string CaseId, string? SummonsId, string Recipient, string Channel,
    string Target, string State, int Attempts, string? LastError, Instant OccurredAt, Instant DueAt, Instant? LastAttemptAt, Instant? DeliveredAt);

/// <summary>A page of deliveries and the failed ones in the same scope (for the duty board).</summary>
public sealed record NotificationListDto(IReadOnlyList<NotificationDto> Items, int Failed);

/// <summary>/api/v1/notifications: who was notified of what, how, and whether it arrived.</summary>
public static class NotificationsApi
{
    public const int Limit = 500;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/notifications", List).WithTags("Notifications").WithName("ListNotifications")
            .WithSummary("Deliveries of notifications (webhook, SMS, e-mail), newest first (at most 500), with attempts, last error and state, and the count of failed ones: ?department= (a department or center id), ?case=, ?state=pending|delivered|failed|cancelled");
        return routes;
    }

    public static async Task<Results<Ok<NotificationListDto>, ProblemHttpResult>> List(string? department, string? @case, string? state,
        ClaimsPrincipal user, SqlNotificationStore store, ScopeAuthorizer scopes, DispatchOperations operations, CityModel city)
    {
        if (state is not null && !NotificationDelivery.States.Contains(state))
            return Problems.Result(Problems.Validation("state", $"Use one of {string.Join(", ", NotificationDelivery.States)}."));
        if (department is not null && PathIds.Invalid(department, "department") is { } badDepartment) return badDepartment;
        if (@case is not null && PathIds.Invalid(@case, "case") is { } badCase) return badCase;
        var actor = user.ToActor();
        var filter = new NotificationFilter(department, @case, state);
        if (department is not null)
        {
            var readable = city.TryGetDepartment(department, out _) ? scopes.CanReadDepartment(actor, department)
                : city.TryGetCenter(department, out _) ? scopes.CanReadCenter(actor, department) && actor.Role != Actor.Commissioner
                : (bool?)null;
            if (readable is null) return Problems.Result(Problems.NotFound($"No department or center '{department}'."));
            if (readable == false || actor.Role == Actor.Commissioner && @case is null)
                return Problems.Result(Problems.Forbidden($"{actor} may not list the notifications of {department}."));
        }
        if (@case is not null)
        {
            var view = await operations.GetCaseAsync(actor, @case);
            if (!view.Succeeded) return view.As<NotificationListDto>().ToHttp();
        }
        if (department is null && @case is null)
        {
            switch (actor.Role)
            {
                case Actor.Admin:
                    break;
                case Actor.DutyLeader:
                    filter = filter with { CountyId = actor.Scope };
                    break;
                case Actor.Department:
                    filter = filter with { Recipient = actor.Scope };
                    break;
                default:
                    return Problems.Result(Problems.Forbidden($"{actor} may list notifications only of a case (?case=)."));
            }
        }
        var rows = await store.ListAsync(filter, Limit);
        var failed = await store.CountFailedAsync(filter);
        return TypedResults.Ok(new NotificationListDto(rows.Select(r => new NotificationDto(r.DeliveryId, r.EventId, r.Type, r.CaseId, r.SummonsId,
            r.Recipient, r.Channel.ToString().ToLowerInvariant(), r.Target, r.State, r.Attempts, r.LastError, r.OccurredAt, r.NextAt, r.LastAttemptAt,
            r.DeliveredAt)).ToList(), failed));
    }
}
