namespace Dispatch.LoadTests.Api;

/// <summary>
/// Round robin over the silos a load test drives. A silo that refused a connection is left out for
/// <see cref="LeaveOutFor"/>, then tried again (a restarted silo comes back by itself); when every silo is left out, the
/// rotation goes on over all of them.
/// </summary>
public sealed class SiloRotation(IReadOnlyList<Uri> silos)
{
    /// <summary>How long a silo that refused a connection is left out.</summary>
    public static readonly TimeSpan LeaveOutFor = TimeSpan.FromSeconds(1);

    private readonly long[] _outUntil = new long[silos.Count];
    private long _next = -1;

    public IReadOnlyList<Uri> All { get; } = silos.Count > 0 ? silos : throw new ArgumentException("No silo to drive.", nameof(silos));

    /// <summary>The next silo in turn that is not left out (or simply the next one when all are).</summary>
    public Uri Next()
    {
        var now = Environment.TickCount64;
        for (var i = 0; i < All.Count; i++)
        {
            var index = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)All.Count);
            if (Volatile.Read(ref _outUntil[index]) <= now)
                return All[index];
        }
        return All[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)All.Count)];
    }

    /// <summary>Leaves <paramref name="silo"/> out for <see cref="LeaveOutFor"/>.</summary>
    public void LeaveOut(Uri silo)
    {
        var index = All.ToList().IndexOf(silo);
        if (index >= 0)
            Volatile.Write(ref _outUntil[index], Environment.TickCount64 + (long)LeaveOutFor.TotalMilliseconds);
    }
}
