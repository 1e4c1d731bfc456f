using System.Diagnostics;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.ReadModels;
using Dispatch.Grains.Interfaces.Model;
using Orleans;
using System.Security.Claims;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Metrics;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/metrics: a JSON snapshot of the engine's metrics, for dashboards and load tests (duty leaders, admin).</summary>
public static class MetricsApi
{
    public static RouteHandlerBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
        => routes.MapGet("/metrics", Get).WithTags("Metrics").WithName("GetMetrics")
            .WithSummary("The engine's metrics now: open cases and summonses, overdue, totals since start, latencies, memory")
            .RequireAuthorization(Policies.DutyLeader);

    /// <summary>
    /// The snapshot. <paramref name="collect"/>=true (admin only) first runs a full, compacting, blocking garbage collection,
    /// so the managed heap counts only what is alive: how a load test measures the memory an idle case costs.
    /// </summary>
    public static async Task<Results<Ok<MetricsSnapshot>, ProblemHttpResult>> Get([QuerySchema(QueryKind.Boolean)] string? collect, ClaimsPrincipal user,
        IReadModelReader views, IGrainFactory grains, DueReminders reminders, IOptions<ClusterOptions> cluster, MetricsCollector metrics,
        IClock clock)
    {
        if (collect is not null)
        {
            if (!bool.TryParse(collect, out var full))
                return Problems.Result(Problems.Validation(new Dictionary<string, string[]> { ["collect"] = ["Must be true or false."] }));
            if (full && user.ToActor().Role != Grains.Interfaces.Cases.Actor.Admin)
                return Problems.Result(Problems.Create(StatusCodes.Status403Forbidden, "Forbidden.", "Only an admin may force a garbage collection."));
            if (full)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        }
        var now = clock.GetCurrentInstant();
        var (openCases, openSummonses, overdue) = await views.CountsAsync(now);
        var activations = await grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();
        var reminderCount = await reminders.CountAsync(cluster.Value.ServiceId);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        return TypedResults.Ok(new MetricsSnapshot(
            now,
            openCases,
            openSummonses,
            overdue,
            metrics.Total("dispatch.cases.reported"),
            metrics.Total("dispatch.whistles"),
            metrics.Total("dispatch.summonses.issued"),
            metrics.Total("dispatch.summonses.acknowledged"),
            metrics.Total("dispatch.escalations"),
            metrics.Total("dispatch.leader.takes"),
            activations,
            reminderCount,
            metrics.Total("dispatch.live.events.dropped"),
            metrics.Summary("dispatch.grain.call.duration"),
            metrics.Summary("dispatch.reminder.lateness"),
            metrics.Summary("dispatch.escalation.lateness"),
            heap,
            process.WorkingSet64,
            openCases == 0 ? null : (double)heap / openCases,
            ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount));
    }
}
