using System.Threading.Channels;
using Dispatch.Dashboard.Live;
using Microsoft.Extensions.Logging.Abstractions;
using static Dispatch.Dashboard.Tests.Live.LiveBatchBuilderTests;

namespace Dispatch.Dashboard.Tests.Live;

public sealed class LiveFeedTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Watcher_GetsOnlyThePartOfABatchThatConcernsItsScopes()
    {
        var feed = new LiveFeed(NullLogger<LiveFeed>.Instance);
        var d1 = Channel.CreateUnbounded<LiveBatch>();
        var county = Channel.CreateUnbounded<LiveBatch>();
        using var w1 = feed.Watch(["d1"], b => d1.Writer.WriteAsync(b).AsTask());
        using var w2 = feed.Watch(["tc-b", "tc-a"], b => county.Writer.WriteAsync(b).AsTask());

        feed.Publish(Batch(Summons("S1", 1, department: "d1"), Summons("S2", 1, department: "d2"), Case("C1", 1)));

        var mine = await d1.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
        Assert.Equal("S1", Assert.Single(mine.Summonses).Summons.Id);
        Assert.Empty(mine.Cases);
        var all = await county.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
        Assert.Equal(2, all.Summonses.Count);
        Assert.Single(all.Cases);
    }

    [Fact]
    public async Task DisposedWatcher_GetsNothing_AndAFailingWatcherHarmsNoOther()
    {
        var feed = new LiveFeed(NullLogger<LiveFeed>.Instance);
        var gone = 0;
        var kept = Channel.CreateUnbounded<LiveBatch>();
        var subscription = feed.Watch(["d1"], _ => { Interlocked.Increment(ref gone); return Task.CompletedTask; });
        using var failing = feed.Watch(["d1"], _ => throw new InvalidOperationException("a broken page"));
        using var watcher = feed.Watch(["d1"], b => kept.Writer.WriteAsync(b).AsTask());
        subscription.Dispose();
        Assert.Equal(2, feed.Count);

        feed.Publish(Batch(Summons("S1", 1)));
        feed.Publish(Batch(Summons("S1", 2, Dispatch.Grains.Interfaces.Model.SummonsState.Acknowledged)));

        Assert.Equal(1, (await kept.Reader.ReadAsync().AsTask().WaitAsync(Deadline)).Summonses[0].Summons.Version);
        Assert.Equal(2, (await kept.Reader.ReadAsync().AsTask().WaitAsync(Deadline)).Summonses[0].Summons.Version);
        Assert.Equal(0, gone);
    }
}
