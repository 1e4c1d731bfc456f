namespace Dispatch.Runtime.Core;

/// <summary>An in-memory timer whose ticks run as turns of its activation.</summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly ActivationContext _owner;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly Timer _timer;

    public GrainTimer(ActivationContext owner, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _owner = owner;
        _callback = callback;
        using (ExecutionContext.SuppressFlow())
        {
            _timer = new Timer(_ => _owner.EnqueueTick(_callback), null, dueTime, period);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _owner.RemoveTimer(this);
    }
}
