using Orleans;

namespace Dispatch.Grains.Engine;

/// <summary>
/// Writes one grain's state so that nothing is confirmed before it is stored: at most one write is in flight,
/// changes made while it runs share the next write, a caller of <see cref="WriteAsync"/> returns only after a write
/// that began after its change, and a failed write leaves the state dirty, so a repeat (<see cref="FlushAsync"/>)
/// writes it before confirming. Works in turn-based grains and in <see cref="AlwaysInterleaveAttribute"/> methods
/// alike; runs on the grain's scheduler, so it needs no locks. (The projection grains keep their upserts turn-based:
/// on PostgreSQL the surge measured 55 whistles/s that way against 24 with interleaved upserts.)
/// </summary>
public sealed class GroupCommit<TState>(IPersistentState<TState> state) where TState : class, new()
{
    private Task? _writing;
    private bool _dirty;

    /// <summary>Records that the state changed and returns once a write that includes the change is stored.</summary>
    public Task WriteAsync()
    {
        _dirty = true;
        return FlushAsync();
    }

    /// <summary>Returns once nothing changed is left unwritten (for a repeat that must not be confirmed before it is stored).</summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            if (_writing is { IsCompleted: false } inFlight)
            {
                try
                {
                    await inFlight;
                }
                catch
                {
                    // The writer reports its own failure; the state is dirty again and this loop writes it.
                }
                continue;
            }
            if (!_dirty) return;
            _dirty = false;
            var write = state.WriteStateAsync();
            _writing = write;
            try
            {
                await write;
            }
            catch
            {
                _dirty = true;
                throw;
            }
            return;
        }
    }
}
