namespace Dispatch.Dashboard.Live;

/// <summary>
/// Paces a page's live reloads: the first change after a quiet spell reloads at once; changes arriving within
/// <see cref="Interval"/> of the last reload's start are gathered into one reload at the end of that interval. Under a
/// citywide surge a page then reads its lists at most once per interval, while a single change still shows at once.
/// Not thread-safe: a page calls it on its own dispatcher.
/// </summary>
public sealed class ReloadPacer(TimeProvider time, TimeSpan interval)
{
    private long? _lastStart;
    private bool _scheduled;

    /// <summary>The least time between the starts of two reloads.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <summary>How many reloads ran.</summary>
    public int Runs { get; private set; }

    /// <summary>
    /// Reloads now, or once at the end of the interval (shared by every call until then: those return at once, as their
    /// change is seen by that reload). Returns when the reload this call caused, if any, has run.
    /// </summary>
    public async Task RequestAsync(Func<Task> reload)
    {
        if (_scheduled)
            return;
        var wait = _lastStart is { } last ? Interval - time.GetElapsedTime(last) : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            _scheduled = true;
            try
            {
                await Task.Delay(wait, time);
            }
            finally
            {
                _scheduled = false;
            }
        }
        _lastStart = time.GetTimestamp();
        Runs++;
        await reload();
    }
}
