namespace Dispatch.LoadTests.Surge;

/// <summary>Live counts for the progress display; updated from many threads.</summary>
public sealed class SurgeCounters
{
    private long _sent, _accepted, _failed, _liveSummonses, _acks, _escalations;

    public long Sent => Interlocked.Read(ref _sent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Failed => Interlocked.Read(ref _failed);
    public long LiveSummonses => Interlocked.Read(ref _liveSummonses);
    public long Acks => Interlocked.Read(ref _acks);
    public long Escalations => Interlocked.Read(ref _escalations);

    /// <summary>What the run is doing now ("surge", "draining", ...).</summary>
    public string Stage { get; set; } = "starting";

    public void AddSent() => Interlocked.Increment(ref _sent);
    public void AddAccepted() => Interlocked.Increment(ref _accepted);
    public void AddFailed() => Interlocked.Increment(ref _failed);
    public void AddLiveSummons() => Interlocked.Increment(ref _liveSummonses);
    public void AddAck() => Interlocked.Increment(ref _acks);
    public void AddEscalation() => Interlocked.Increment(ref _escalations);
}
