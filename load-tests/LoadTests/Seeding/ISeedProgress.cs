namespace Dispatch.LoadTests.Seeding;

/// <summary>Hears how a seed goes: phases as lines, and the cases written so far during the COPY.</summary>
public interface ISeedProgress
{
    void Phase(string message);

    /// <summary>Cases whose rows (all three tables) have been handed to COPY.</summary>
    void CasesWritten(long done, long total, long rows);
}

/// <summary>Phases as plain lines, the COPY's progress every few seconds (for redirected output and tests).</summary>
public sealed class LineSeedProgress(TextWriter output, TimeSpan? every = null) : ISeedProgress
{
    private readonly TimeSpan _every = every ?? TimeSpan.FromSeconds(5);
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan? _last;

    public void Phase(string message)
    {
        lock (output) output.WriteLine(message);
    }

    public void CasesWritten(long done, long total, long rows)
    {
        var now = _watch.Elapsed;
        if (done < total && _last is { } last && now - last < _every) return;
        _last = now;
        Phase($"  {done:N0} / {total:N0} cases, {rows:N0} rows, {rows / Math.Max(0.001, now.TotalSeconds):N0} rows/s");
    }
}
