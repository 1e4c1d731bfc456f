using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Dispatch.Silo.Hosting;

/// <summary>Owns the OpenTelemetry providers: built when the host starts, flushed and disposed when it stops.</summary>
public sealed class TelemetryProviders(TracerProvider tracing, MeterProvider metrics) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing.ForceFlush(2000);
        metrics.ForceFlush(2000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracing.Dispose();
        metrics.Dispose();
    }
}
