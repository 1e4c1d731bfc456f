using Dispatch.Runtime.Events;

namespace Dispatch.Runtime.Tests.Core;

public sealed class EventTests
{
    [Fact]
    public void Publish_SlowSubscriber_NeverBlocksAndCountsDrops()
    {
        var bus = new EventBus();
        using var slow = bus.Subscribe(capacity: 2);
        using var fast = bus.Subscribe(capacity: 100);

        for (var i = 0; i < 10; i++) bus.Publish(i);

        Assert.Equal(8, slow.Dropped);
        Assert.Equal(0, fast.Dropped);
        Assert.True(fast.Reader.TryRead(out var first));
        Assert.Equal(0, first);
    }

    [Fact]
    public void Subscribe_Filter_SeesOnlyMatchingEvents()
    {
        var bus = new EventBus();
        using var strings = bus.Subscribe(filter: e => e is string);

        bus.Publish(1);
        bus.Publish("two");

        Assert.True(strings.Reader.TryRead(out var only));
        Assert.Equal("two", only);
        Assert.False(strings.Reader.TryRead(out _));
    }

    [Fact]
    public void Dispose_StopsDelivery()
    {
        var bus = new EventBus();
        var subscription = bus.Subscribe();
        subscription.Dispose();

        bus.Publish("after");

        Assert.False(subscription.Reader.TryRead(out _));
    }
}
