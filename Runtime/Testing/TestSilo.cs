using System.Reflection;
using Dispatch.Runtime.Core;
using Dispatch.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Dispatch.Runtime.Testing;

/// <summary>
/// An in-process silo for tests, like Orleans' TestCluster: starts on a given store with a manual clock, stops,
/// and restarts on the same store and clock. The reminder loop is off: <see cref="AdvanceAsync"/> moves the
/// clock and delivers what fell due, then returns, so tests never sleep.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly TestSiloOptions _options;
    private readonly IHost _host;

    private TestSilo(TestSiloOptions options, IHost host)
    {
        _options = options;
        _host = host;
    }

    public ManualClock Clock => _options.Clock;
    public IServiceProvider Services => _host.Services;
    public GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();
    public IGrainFactory GrainFactory => Runtime;

    public static async Task<TestSilo> StartAsync(TestSiloOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(level => level >= options.MinimumLogLevel).AddConsole();
        builder.Services.AddSingleton<IClock>(options.Clock);
        options.ConfigureServices(builder.Services);
        builder.Services.AddDispatchRuntime([.. options.GrainAssemblies]);
        builder.Services.Configure<SiloOptions>(o =>
        {
            o.RunReminderLoop = false;
            o.CollectionInterval = TimeSpan.Zero;
            options.ConfigureSilo?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(options, host);
    }

    /// <summary>Moves the clock and delivers every reminder now due, waiting until the grains have handled them.</summary>
    public async Task AdvanceAsync(Duration by)
    {
        Clock.Advance(by);
        await Runtime.Reminders.FireDueAsync();
    }

    /// <summary>Stops gracefully (activations deactivate).</summary>
    public async Task StopAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>Stops this silo and starts a new one on the same store and clock.</summary>
    public async Task<TestSilo> RestartAsync()
    {
        await StopAsync();
        return await StartAsync(_options);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }
        _host.Dispose();
    }
}

/// <summary>What a <see cref="TestSilo"/> runs on.</summary>
public sealed class TestSiloOptions
{
    /// <summary>Registers the store and any services the grains need (required).</summary>
    public required Action<IServiceCollection> ConfigureServices { get; init; }

    public required IReadOnlyList<Assembly> GrainAssemblies { get; init; }

    public ManualClock Clock { get; init; } = new(Instant.FromUtc(2026, 11, 23, 1, 0));

    public Action<SiloOptions>? ConfigureSilo { get; init; }

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
}
