using Dispatch.Grains.Interfaces;
using Dispatch.Silo;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Orleans;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Dispatch.Testing.Hosting;

/// <summary>
/// The real silo (DispatchSiloApp: Orleans, the API, the live hub and the dashboard) on Kestrel on a loopback port with
/// free Orleans ports, the small test city and one fake clock. Grain timers and reminders are set by that clock but do
/// not fire on their own and the background sweep runs only at start: <see cref="AdvanceAsync"/> moves the clock and
/// runs the deadline sweep, and returns once every grain with a deadline now due has acted — so tests never sleep.
/// </summary>
public sealed class TestSiloApp : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 09:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 23, 1, 0);

    public static string CityFile { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "city-test.json");

    private TestSiloApp(WebApplication app, FakeTimeProvider time, Uri address)
    {
        App = app;
        Time = time;
        Address = address;
    }

    public WebApplication App { get; }
    public FakeTimeProvider Time { get; }
    public Uri Address { get; }

    /// <summary>The silo's clock (NodaTime over <see cref="Time"/>).</summary>
    public IClock Clock => App.Services.GetRequiredService<IClock>();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Builds and starts the silo with <paramref name="args"/> ("--Key=value" settings: the store, and whatever the test
    /// needs) after the test defaults (loopback URL, free Orleans ports, the test city, warnings only).
    /// </summary>
    /// <remarks>
    /// Live events stay within the silo (<c>Live:Fanout=local</c>) unless <paramref name="args"/> say otherwise: Orleans'
    /// stream pulling agents run on grain timers, which the test clock keeps silent. <paramref name="realTimeGrainTimers"/>
    /// lets grain timers (and so the agents) run on real time instead, for a test of several silos' live events that
    /// does not move the clock.
    /// </remarks>
    public static async Task<TestSiloApp> StartAsync(IEnumerable<string> args, Instant? now = null, bool realTimeGrainTimers = false)
    {
        var time = new FakeTimeProvider((now ?? MondayMorning).ToDateTimeOffset());
        string[] all =
        [
            "--urls=http://127.0.0.1:0",
            $"--City:File={CityFile}",
            $"--Cluster:SiloPort={FreePorts.Next()}",
            $"--Cluster:GatewayPort={FreePorts.Next()}",
            "--Deadlines:SweepInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning",
            "--Live:Fanout=local",
            .. args,
        ];
        var app = DispatchSiloApp.Build(all, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            var silent = new ClockOnlyTimeProvider(time);
            builder.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, realTimeGrainTimers ? TimeProvider.System : silent);
            builder.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, new FakeNowRealTimersTimeProvider(time));
            builder.Logging.ClearProviders();
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = StartupBanner.Addresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new TestSiloApp(app, time, new Uri(address));
    }

    /// <summary>Moves the clock and waits until every grain with a deadline now due has acted on it.</summary>
    public Task AdvanceAsync(Duration by)
    {
        Time.Advance(by.ToTimeSpan());
        return SweepAsync();
    }

    /// <summary>Sets the clock (forward only) and waits until every grain with a deadline now due has acted on it.</summary>
    public Task SetAsync(Instant at)
    {
        Time.SetUtcNow(at.ToDateTimeOffset());
        return SweepAsync();
    }

    /// <summary>Runs the deadline sweep once, as the silo does every few seconds.</summary>
    public Task<int> SweepAsync() => App.Services.GetRequiredService<DeadlineSweeper>().SweepAsync();

    /// <summary>Re-sends the case's outbox and returns how many copies are still undelivered (0: all confirmed).</summary>
    public Task<int> DeliverAsync(string caseId) => Grains.GetGrain<ICaseGrain>(caseId).DeliverOutbox();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
