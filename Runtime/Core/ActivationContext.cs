using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Runtime.Core;

/// <summary>
/// One activation of one grain: its instance, its mailbox and the loop that runs one turn at a time on an
/// exclusive scheduler, so grain code never runs on two threads at once even when turns interleave.
/// </summary>
internal sealed class ActivationContext
{
    private enum Phase { Activating, Active, Deactivating, Dead }

    private readonly Channel<Message> _mailbox = Channel.CreateUnbounded<Message>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly TaskScheduler _scheduler = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<GrainTimer> _timers = [];
    private readonly HashSet<Task> _interleaved = [];
    private readonly Queue<Message> _pending = new();
    private TaskCompletionSource? _drained;
    private bool _exclusiveRunning;
    private readonly Lock _gate = new();
    private Phase _phase = Phase.Activating;
    private int _running;
    private int _queued;
    private bool _deactivationRequested;
    private bool _stopWhenActive;

    public ActivationContext(GrainId id, GrainTypeInfo type, GrainRuntime runtime)
    {
        Id = id;
        Type = type;
        Runtime = runtime;
        LastActive = runtime.Clock.GetCurrentInstant();
    }

    public GrainId Id { get; }
    public GrainTypeInfo Type { get; }
    public GrainRuntime Runtime { get; }
    public Grain? Instance { get; private set; }

    /// <summary>When the last turn ended (silo clock).</summary>
    public NodaTime.Instant LastActive { get; private set; }

    /// <summary>Completes when the activation is gone (deactivated or failed to activate).</summary>
    public Task Ended => _ended.Task;

    public bool IsIdle => _phase == Phase.Active && Volatile.Read(ref _running) == 0 && Volatile.Read(ref _queued) == 0 && _pending.Count == 0;

    /// <summary>Queues a message; false when the activation is deactivating or dead (the caller retries on a new one).</summary>
    public bool TryEnqueue(Message message)
    {
        // Deactivation and failure complete the writer under the gate, so a write either lands before that (and is
        // still read and run) or fails here.
        Interlocked.Increment(ref _queued);
        if (_mailbox.Writer.TryWrite(message)) return true;
        Interlocked.Decrement(ref _queued);
        return false;
    }

    public void Start()
    {
        using (ExecutionContext.SuppressFlow())
        {
            Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);
        }
    }

    /// <summary>Starts deactivation unless busy or already going; queued messages before it still run.</summary>
    public bool TryBeginDeactivation()
    {
        lock (_gate)
        {
            if (_phase != Phase.Active) return false;
            _phase = Phase.Deactivating;
            _mailbox.Writer.TryComplete();
            return true;
        }
    }

    public void RequestDeactivation() => _deactivationRequested = true;

    /// <summary>Silo stop: deactivate now, or as soon as activation finishes.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_phase == Phase.Activating)
            {
                _stopWhenActive = true;
                return;
            }
        }
        TryBeginDeactivation();
    }

    private async Task RunAsync()
    {
        try
        {
            await ActivateAsync();
        }
        catch (Exception error)
        {
            Runtime.Logger.LogWarning(error, "Activation of {Grain} failed", Id);
            Fail(error);
            return;
        }
        bool stop;
        lock (_gate)
        {
            if (_phase == Phase.Activating) _phase = Phase.Active;
            stop = _stopWhenActive;
        }
        RuntimeTelemetry.Activations.Add(1);
        if (stop) TryBeginDeactivation();

        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var message))
            {
                Interlocked.Decrement(ref _queued);
                Accept(message);
            }
        }
        if (_exclusiveRunning || _pending.Count > 0)
        {
            _drained = new TaskCompletionSource();
            await _drained.Task;
        }
        await DeactivateAsync();
    }

    /// <summary>
    /// Interleaving messages start at once; the others queue behind the running exclusive turn. Runs on the
    /// activation's exclusive scheduler, so these fields need no locks.
    /// </summary>
    private void Accept(Message message)
    {
        if (message.Interleave || Type.Reentrant)
        {
            if (Expired(message)) return;
            var turn = RunTurnAsync(message);
            if (!turn.IsCompleted)
            {
                _interleaved.Add(turn);
                _ = turn.ContinueWith(t => _interleaved.Remove(t), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, _scheduler);
            }
            return;
        }
        _pending.Enqueue(message);
        if (!_exclusiveRunning) RunExclusiveTurns();
    }

    private void RunExclusiveTurns()
    {
        while (_pending.TryDequeue(out var message))
        {
            if (Expired(message)) continue;
            _exclusiveRunning = true;
            var turn = RunTurnAsync(message);
            if (!turn.IsCompleted)
            {
                _ = turn.ContinueWith(_ => { _exclusiveRunning = false; RunExclusiveTurns(); }, CancellationToken.None,
                    TaskContinuationOptions.None, _scheduler);
                return;
            }
            _exclusiveRunning = false;
        }
        if (_deactivationRequested && Volatile.Read(ref _queued) == 0)
        {
            _deactivationRequested = false;
            TryBeginDeactivation();
        }
        _drained?.TrySetResult();
    }

    private bool Expired(Message message)
    {
        if (message.IsCompleted) return true;
        if (Stopwatch.GetTimestamp() <= message.Deadline) return false;
        message.Fail(new GrainCallTimeoutException(Id, message.Name, Runtime.Options.CallTimeout));
        return true;
    }

    private async Task ActivateAsync()
    {
        var args = new object[Type.States.Count];
        var loaders = new IPersistentStateLoader[Type.States.Count];
        for (var i = 0; i < Type.States.Count; i++)
        {
            var s = Type.States[i];
            var state = Activator.CreateInstance(
                typeof(PersistentState<>).MakeGenericType(s.StateType), Id, s.StateName, Runtime.Storage, Runtime.StateJson)!;
            args[i] = state;
            loaders[i] = (IPersistentStateLoader)state;
        }
        var grain = (Grain)ActivatorUtilities.CreateInstance(Runtime.Services, Type.ClassType, args);
        grain.Attach(this);
        foreach (var loader in loaders) await loader.ReadStateAsync();
        Instance = grain;
        CallChain.Current = new CallChain(Id, null);
        await grain.OnActivateAsync(CancellationToken.None);
        CallChain.Current = null;
    }

    private async Task RunTurnAsync(Message message)
    {
        Interlocked.Increment(ref _running);
        CallChain.Current = new CallChain(Id, message.Chain);
        var started = Stopwatch.GetTimestamp();
        using var span = RuntimeTelemetry.Source.HasListeners()
            ? RuntimeTelemetry.Source.StartActivity(message.Name, ActivityKind.Server, message.ParentContext)
            : null;
        span?.SetTag("grain.id", Id.ToString());
        await message.RunAsync(Instance!, _turnEnded ??= EndTurn);
        RuntimeTelemetry.TurnLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("grain.type", Type.Name));
    }

    private Action? _turnEnded;

    private void EndTurn()
    {
        LastActive = Runtime.Clock.GetCurrentInstant();
        Interlocked.Decrement(ref _running);
    }

    private async Task DeactivateAsync()
    {
        if (_interleaved.Count > 0) await Task.WhenAll(_interleaved.ToArray());
        foreach (var timer in _timers.ToArray()) timer.Dispose();
        try
        {
            CallChain.Current = new CallChain(Id, null);
            await Instance!.OnDeactivateAsync(CancellationToken.None);
        }
        catch (Exception error)
        {
            Runtime.Logger.LogWarning(error, "OnDeactivateAsync of {Grain} threw", Id);
        }
        lock (_gate) _phase = Phase.Dead;
        Runtime.Remove(this);
        RuntimeTelemetry.Activations.Add(-1);
        _ended.TrySetResult();
    }

    private void Fail(Exception error)
    {
        lock (_gate)
        {
            _phase = Phase.Dead;
            _mailbox.Writer.TryComplete();
        }
        Runtime.Remove(this);
        while (_mailbox.Reader.TryRead(out var message))
        {
            Interlocked.Decrement(ref _queued);
            message.Fail(error);
        }
        _ended.TrySetResult();
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        _timers.Add(timer);
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer) => _timers.Remove(timer);

    /// <summary>Queues a timer tick as a turn; dropped when the activation is going away.</summary>
    internal void EnqueueTick(Func<CancellationToken, Task> callback)
    {
        var message = new Message<object?>(Id, null, null, Type.Reentrant, long.MaxValue,
            async (_, ct) => { await callback(ct); return null; }, "timer");
        if (TryEnqueue(message))
        {
            _ = message.Task.ContinueWith(t => Runtime.Logger.LogWarning(t.Exception, "Timer of {Grain} threw", Id),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
