using Bunit;
using Dispatch.Dashboard.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Extensions;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>The countdown reads the silo's clock and, once interactive, ticks itself every second on its TimeProvider.</summary>
public sealed class CountdownTests : IDisposable
{
    private static readonly Instant Issued = Instant.FromUtc(2026, 11, 23, 1, 0);

    private readonly ComponentContext _context = new();
    private readonly FakeTimeProvider _time = new(Issued.ToDateTimeOffset());

    public CountdownTests()
    {
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddSingleton<IClock>(new ClockOver(_time));
    }

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<Countdown> Render(Duration due) => _context.Render<Countdown>(p => p
        .Add(c => c.Due, Issued + due)
        .Add(c => c.Start, Issued));

    [Fact]
    public void Interactive_TicksEverySecondOnTheClock_ThenWarns_ThenShowsLateInChinese()
    {
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var countdown = Render(Duration.FromMinutes(4));
        Assert.Equal("剩余 4:00", countdown.Find("span").TextContent);
        Assert.Contains("countdown-ok", countdown.Find("span").ClassName);

        _time.Advance(TimeSpan.FromSeconds(1));
        countdown.WaitForAssertion(() => Assert.Equal("剩余 3:59", countdown.Find("span").TextContent));

        _time.Advance(TimeSpan.FromMinutes(3));
        countdown.WaitForAssertion(() => Assert.Contains("countdown-warn", countdown.Find("span").ClassName));

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        countdown.WaitForAssertion(() => Assert.Equal("超时 0:06", countdown.Find("span").TextContent));
        Assert.Contains("countdown-late", countdown.Find("span").ClassName);
    }

    [Fact]
    public void Prerendered_DoesNotTick_AndDisposedStopsTicking()
    {
        _context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prerendered = Render(Duration.FromMinutes(4));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("剩余 4:00", prerendered.Find("span").TextContent);

        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var live = Render(Duration.FromMinutes(4));
        Assert.Equal("剩余 3:50", live.Find("span").TextContent);
        _time.Advance(TimeSpan.FromSeconds(1));
        live.WaitForAssertion(() => Assert.Equal("剩余 3:49", live.Find("span").TextContent));
        live.Instance.Dispose();
        var renders = live.RenderCount;
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(renders, live.RenderCount);
    }
}
