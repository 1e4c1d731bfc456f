using Dispatch.Dashboard.Live;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Dashboard.Tests.Live;

public sealed class ReloadPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task The_first_change_reloads_at_once()
    {
        var pacer = new ReloadPacer(new FakeTimeProvider(), Interval);
        var reloads = 0;

        var request = pacer.RequestAsync(() => { reloads++; return Task.CompletedTask; });

        Assert.True(request.IsCompleted);
        await request;
        Assert.Equal(1, reloads);
    }

    [Fact]
    public async Task Changes_within_the_interval_are_gathered_into_one_reload_at_its_end()
    {
        var time = new FakeTimeProvider();
        var pacer = new ReloadPacer(time, Interval);
        var reloads = 0;
        Task Reload() { reloads++; return Task.CompletedTask; }

        await pacer.RequestAsync(Reload);
        time.Advance(TimeSpan.FromMilliseconds(100));
        var second = pacer.RequestAsync(Reload);
        var third = pacer.RequestAsync(Reload);
        var fourth = pacer.RequestAsync(Reload);

        Assert.False(second.IsCompleted);
        Assert.True(third.IsCompleted);
        Assert.True(fourth.IsCompleted);
        Assert.Equal(1, reloads);

        time.Advance(TimeSpan.FromMilliseconds(399));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, reloads);
        Assert.Equal(2, pacer.Runs);
    }

    [Fact]
    public async Task A_change_after_a_quiet_spell_reloads_at_once_again()
    {
        var time = new FakeTimeProvider();
        var pacer = new ReloadPacer(time, Interval);
        var reloads = 0;
        Task Reload() { reloads++; return Task.CompletedTask; }

        await pacer.RequestAsync(Reload);
        time.Advance(Interval);
        var later = pacer.RequestAsync(Reload);

        Assert.True(later.IsCompleted);
        Assert.Equal(2, reloads);
    }

    [Fact]
    public async Task A_change_after_the_gathered_reload_waits_for_the_next_interval()
    {
        var time = new FakeTimeProvider();
        var pacer = new ReloadPacer(time, Interval);
        var reloads = 0;
        Task Reload() { reloads++; return Task.CompletedTask; }

        await pacer.RequestAsync(Reload);
        var gathered = pacer.RequestAsync(Reload);
        time.Advance(Interval);
        await gathered.WaitAsync(TimeSpan.FromSeconds(10));
        var next = pacer.RequestAsync(Reload);

        Assert.False(next.IsCompleted);
        Assert.Equal(2, reloads);
        time.Advance(Interval);
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, reloads);
    }
}
