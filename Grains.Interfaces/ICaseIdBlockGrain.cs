using Orleans;

namespace Dispatch.Grains.Interfaces;

/// <summary>
/// The durable case-id counter of one local day (key <c>yyyyMMdd</c>): hands out blocks of sequence numbers, so that
/// silos allocating case ids call it once per block, not once per case. A block is stored as taken before it is
/// handed out; numbers of a block a silo did not use (it stopped) are never handed out again.
/// </summary>
[Alias("dispatch.ICaseIdBlockGrain")]
public interface ICaseIdBlockGrain : IGrainWithStringKey
{
    /// <summary>Takes the next <paramref name="count"/> numbers of the day (1 to 10,000) and returns the first; the first block starts at 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    Task<long> Reserve(int count);
}
