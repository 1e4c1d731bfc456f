using Dispatch.Grains.Engine;
using Dispatch.Silo.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dispatch.Silo.Extensions;

public static class TelemetryExtensions
{
    /// <summary>The setting (usually an environment variable) that switches export on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The meter Orleans reports its runtime figures on (activations, messages, storage, reminders).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Components",
    ];

    /// <summary>
    /// Wires OpenTelemetry tracing and metrics for Orleans (grain calls, storage, lifecycle; its "Microsoft.Orleans" meter), "Dispatch.Engine" and ASP.NET Core, exported
    /// over OTLP when <see cref="OtlpEndpointSetting"/> is set (protocol and headers from the standard OTEL_* variables).
    /// Without an endpoint nothing is collected: there would be nowhere to send it.
    /// </summary>
    public static WebApplicationBuilder AddDispatchTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[OtlpEndpointSetting];
        if (string.IsNullOrWhiteSpace(endpoint))
            return builder;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new SiloStartupException($"{OtlpEndpointSetting} is not an absolute URI: '{endpoint}'.");

        var resource = ResourceBuilder.CreateDefault().AddService("dispatch-silo", serviceInstanceId: Environment.MachineName);
        void Exporter(OtlpExporterOptions o) => o.Endpoint = uri;
        builder.Services.AddSingleton(_ => new TelemetryProviders(
            Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(EngineTelemetry.Name, "Microsoft.AspNetCore", "Microsoft.Orleans.*")
                .AddOtlpExporter(Exporter)
                .Build(),
            Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter(EngineTelemetry.Name, OrleansMeter)
                .AddMeter(AspNetCoreMeters)
                .AddOtlpExporter(Exporter)
                .Build()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryProviders>());
        return builder;
    }
}
