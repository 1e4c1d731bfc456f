using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Dispatch.Runtime.Events;
using Dispatch.Runtime.Hosting;
using Dispatch.Runtime.Reminders;
using Dispatch.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Dispatch.Runtime.Core;

/// <summary>
/// The silo's runtime: hands out references, places and activates grains, routes messages to activations,
/// enforces call timeouts and cycle detection, and collects idle activations.
/// </summary>
public sealed class GrainRuntime : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, ActivationContext> _activations = new();
    private readonly GrainTypeRegistry _registry;
    private readonly IPlacementDirector _placement;
    private volatile bool _stopping;
    private readonly ConcurrentDictionary<Message, byte> _outstanding = new(ReferenceEqualityComparer.Instance);
    private readonly Action<Message> _forget;
    private readonly Timer _sweeper;

    internal GrainRuntime(IOptions<SiloOptions> options, GrainTypeRegistry registry, IServiceProvider services, IClock clock,
        IGrainStorage storage, IReminderTable reminderTable, EventBus events, IPlacementDirector placement, ILogger<GrainRuntime> logger)
    {
        Options = options.Value;
        _registry = registry;
        Services = services;
        Clock = clock;
        Storage = storage;
        Events = events;
        _placement = placement;
        Logger = logger;
        StateJson = DispatchJson.CreateOptions();
        Reminders = new ReminderService(this, reminderTable, clock, Options, logger);
        _forget = m => _outstanding.TryRemove(m, out _);
        using (ExecutionContext.SuppressFlow()) _sweeper = new Timer(_ => SweepTimeouts(), null, SweepInterval, SweepInterval);
    }

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Fails every call whose caller has waited longer than the call timeout (checked every 200 ms).</summary>
    private void SweepTimeouts()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var message in _outstanding.Keys)
        {
            if (now > message.Deadline) message.Fail(new GrainCallTimeoutException(message.Target, message.Name, Options.CallTimeout));
        }
    }

    internal SiloOptions Options { get; }
    internal IServiceProvider Services { get; }
    internal IGrainStorage Storage { get; }
    internal JsonSerializerOptions StateJson { get; }
    internal ILogger Logger { get; }

    /// <summary>The silo clock (a <see cref="Testing.ManualClock"/> in tests).</summary>
    public IClock Clock { get; }

    /// <summary>Domain events published by grains.</summary>
    public EventBus Events { get; }

    /// <summary>Durable reminders.</summary>
    public ReminderService Reminders { get; }

    /// <summary>How many activations are alive now.</summary>
    public int ActivationCount => _activations.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var type = _registry.ForInterface(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReferenceProxy>();
        ((GrainReferenceProxy)(object)proxy).Bind(this, new GrainId(type.Name, key));
        return proxy;
    }

    /// <summary>Called by references: sends one call and returns the method's task shape.</summary>
    internal object Invoke(GrainId target, MethodInfo method, object?[] args)
    {
        var entry = _registry.Method(method);
        var type = _registry.ForName(target.Type)!;
        var interleave = entry.Interleaves || type.Reentrant;
        var chain = CallChain.Current;
        if (!interleave && chain is not null && chain.Contains(target))
        {
            throw new CallCycleException(chain.PathTo(target), entry.Name);
        }
        var message = Options.SerializeMessages
            ? entry.CreateSerializedMessage(target, args, chain, interleave, DeadlineFromNow(), StateJson)
            : entry.CreateMessage(target, args, chain, interleave, DeadlineFromNow());
        RuntimeTelemetry.Calls.Add(1, new KeyValuePair<string, object?>("method", entry.Name));
        Send(message);
        return entry.ShapeResult(message, this);
    }

    /// <summary>Delivers a reminder tick to a grain as a turn; completes when the grain has handled it.</summary>
    internal Task DeliverReminderAsync(GrainId target, string name, TickStatus status)
    {
        var type = _registry.ForName(target.Type);
        if (type is null || !type.IsRemindable)
        {
            return Task.FromException(new InvalidOperationException(
                $"Reminder '{name}' targets {target}, which is not a known grain type implementing IRemindable."));
        }
        var message = new Message<object?>(target, null, null, type.Reentrant, DeadlineFromNow(),
            async (grain, _) => { await ((IRemindable)grain).ReceiveReminder(name, status); return null; }, $"reminder:{name}");
        Send(message);
        return message.Task;
    }

    private long DeadlineFromNow() => Stopwatch.GetTimestamp() + (long)(Options.CallTimeout.TotalSeconds * Stopwatch.Frequency);

    private void Send(Message message)
    {
        message.Completed = _forget;
        _outstanding.TryAdd(message, 0);
        if (message.IsCompleted) _forget(message);
        var activation = GetOrCreateActivation(message.Target);
        if (!activation.TryEnqueue(message)) _ = SendSlowAsync(message, activation);
    }

    private async Task SendSlowAsync(Message message, ActivationContext busy)
    {
        try
        {
            while (true)
            {
                await busy.Ended;
                busy = GetOrCreateActivation(message.Target);
                if (busy.TryEnqueue(message)) return;
            }
        }
        catch (Exception error)
        {
            message.Fail(error);
        }
    }

    private ActivationContext GetOrCreateActivation(GrainId id)
    {
        if (_activations.TryGetValue(id, out var existing)) return existing;
        if (_stopping) throw new InvalidOperationException($"The silo is stopping; {id} is not activated.");
        _placement.EnsureLocal(id);
        var type = _registry.ForName(id.Type) ?? throw new InvalidOperationException($"Unknown grain type '{id.Type}'.");
        var created = new ActivationContext(id, type, this);
        var winner = _activations.GetOrAdd(id, created);
        if (ReferenceEquals(winner, created)) created.Start();
        return winner;
    }

    internal void Remove(ActivationContext activation) => _activations.TryRemove(new(activation.Id, activation));

    /// <summary>Deactivates activations idle for at least <see cref="SiloOptions.IdleDeactivationAge"/> (by the silo clock).</summary>
    public async Task<int> CollectIdleActivationsAsync()
    {
        var cutoff = Clock.GetCurrentInstant() - Duration.FromTimeSpan(Options.IdleDeactivationAge);
        var ending = new List<Task>();
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdle && activation.LastActive <= cutoff && activation.TryBeginDeactivation()) ending.Add(activation.Ended);
        }
        await Task.WhenAll(ending);
        return ending.Count;
    }

    /// <summary>Deactivates every activation (silo stop), waiting at most the call timeout.</summary>
    internal async Task DeactivateAllAsync()
    {
        _stopping = true;
        var ending = new List<Task>();
        foreach (var activation in _activations.Values)
        {
            activation.Stop();
            ending.Add(activation.Ended);
        }
        try
        {
            await Task.WhenAll(ending).WaitAsync(Options.CallTimeout).ConfigureAwait(false);
        }
        finally
        {
            await _sweeper.DisposeAsync();
        }
    }
}
