using System.Net;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Silo.Tests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Start_WithOtlpEndpoint_WiresTheProvidersAndStopsCleanly()
    {
        await using var host = await SiloHost.StartSqliteAsync("--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317");

        Assert.NotNull(host.App.Services.GetService<TelemetryProviders>());
        using var response = await host.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
