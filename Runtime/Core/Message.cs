using System.Diagnostics;

namespace Dispatch.Runtime.Core;

/// <summary>One request to a grain activation: the turn to run and where its answer goes.</summary>
internal abstract class Message(GrainId target, string name, CallChain? chain, bool interleave, long deadline)
{
    public GrainId Target { get; } = target;

    /// <summary>"IInterface.Method" or a system name such as "timer".</summary>
    public string Name { get; } = name;

    public CallChain? Chain { get; } = chain;

    /// <summary>May run interleaved with other turns at await points.</summary>
    public bool Interleave { get; } = interleave;

    /// <summary>Stopwatch timestamp after which the caller has given up.</summary>
    public long Deadline { get; } = deadline;

    /// <summary>The caller's trace context, so the turn's span continues the caller's trace.</summary>
    public ActivityContext ParentContext { get; } = Activity.Current?.Context ?? default;

    public abstract bool IsCompleted { get; }

    /// <summary>Called once the caller's task is complete (the runtime forgets the call then).</summary>
    public Action<Message>? Completed { get; set; }

    /// <summary>
    /// Runs the turn on <paramref name="grain"/>, calls <paramref name="turnEnded"/>, then completes the caller's task
    /// (so the caller never observes the activation still busy with its own turn); never throws.
    /// </summary>
    public abstract Task RunAsync(object grain, Action turnEnded);

    /// <summary>Completes the caller's task with <paramref name="error"/> unless it is already complete.</summary>
    public abstract void Fail(Exception error);
}

internal sealed class Message<T>(GrainId target, MethodEntry? method, CallChain? chain, bool interleave, long deadline, Func<object, CancellationToken, Task<T>> invoke, string? name = null)
    : Message(target, name ?? method?.Name ?? "call", chain, interleave, deadline)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    public override async Task RunAsync(object grain, Action turnEnded)
    {
        T result;
        try
        {
            result = await invoke(grain, CancellationToken.None);
        }
        catch (Exception error)
        {
            turnEnded();
            Fail(error);
            return;
        }
        turnEnded();
        if (_completion.TrySetResult(result)) Completed?.Invoke(this);
    }

    public override void Fail(Exception error)
    {
        if (_completion.TrySetException(error)) Completed?.Invoke(this);
    }
}
