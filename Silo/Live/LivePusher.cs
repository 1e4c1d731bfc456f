using System.Threading.Channels;
using Dispatch.Dashboard.Live;
using Dispatch.Grains.Engine.Events;
using Dispatch.Silo.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Live;

/// <summary>
/// Relays live events to their watchers. One event-bus subscription for the whole silo: every event is counted in the
/// dashboard's <see cref="ActivityHistory"/> as it comes; events are then coalesced for <see cref="LiveOptions.PushInterval"/>
/// (the newest version of each case and summons, every escalation) and each batch goes, through
/// <see cref="IHubContext{THub, T}"/>, to the SignalR groups of each event's scopes (API clients), and to the dashboard's
/// interactive pages through <see cref="LiveFeed"/>. Every send is guarded, bounded by <see cref="LiveOptions.SendTimeout"/> and logged when it fails, so a slow or
/// broken client delays nobody else; and since the bus never blocks a publisher, nothing here ever slows a grain
/// (events beyond <see cref="LiveOptions.SubscriberCapacity"/> waiting are dropped and counted).
/// </summary>
public sealed class LivePusher(
    EventBus events,
    IHubContext<LiveHub, IDispatchClient> hub,
    ActivityHistory history,
    LiveFeed feed,
    IOptions<LiveOptions> options,
    ILogger<LivePusher> logger) : BackgroundService
{
    private long _droppedReported;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var live = options.Value;
        using var subscription = events.Subscribe(live.SubscriberCapacity, LiveEvent.IsLive);
        var reader = subscription.Reader;
        var batch = new LiveBatchBuilder();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                Drain(reader, batch);
                await Task.Delay(live.PushInterval, stoppingToken);
                Drain(reader, batch);
                ReportDropped(subscription);
                await SendAsync(batch.Build(), live.SendTimeout, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private void Drain(ChannelReader<object> reader, LiveBatchBuilder batch)
    {
        while (reader.TryRead(out var domainEvent))
        {
            history.Record(domainEvent);
            batch.Add(domainEvent);
        }
    }

    private async Task SendAsync(LiveBatch batch, TimeSpan timeout, CancellationToken stoppingToken)
    {
        if (batch.IsEmpty)
            return;
        feed.Publish(batch);
        var sends = new List<Task>(batch.Count);
        foreach (var e in batch.Cases)
            sends.Add(GuardAsync("caseChanged", e.Case.Id, ct => hub.Clients.Groups(LiveGroups.Of(e.Scopes)).CaseChanged(e.Case, ct), timeout, stoppingToken));
        foreach (var e in batch.Summonses)
            sends.Add(GuardAsync("summonsChanged", e.Summons.Id, ct => hub.Clients.Groups(LiveGroups.Of(e.Scopes)).SummonsChanged(e.Summons, ct), timeout, stoppingToken));
        foreach (var e in batch.Escalations)
            sends.Add(GuardAsync("escalated", e.Escalation.CaseId, ct => hub.Clients.Groups(LiveGroups.Of(e.Scopes)).Escalated(e.Escalation, ct), timeout, stoppingToken));
        await Task.WhenAll(sends);
    }

    private async Task GuardAsync(string method, string subject, Func<CancellationToken, Task> send, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(timeout);
        try
        {
            await send(bounded.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Live {Method} about {Subject} did not reach every watcher within {Timeout}: a client is too slow", method, subject, timeout);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Live {Method} about {Subject} failed", method, subject);
        }
    }

    private void ReportDropped(EventSubscription subscription)
    {
        var dropped = subscription.Dropped;
        if (dropped == _droppedReported)
            return;
        logger.LogWarning("The live pusher fell behind and lost {Count} events ({Total} in all)", dropped - _droppedReported, dropped);
        _droppedReported = dropped;
    }
}
