using Dispatch.Grains.Interfaces.Serialization;
using Orleans;
using Dispatch.Silo.Live;

namespace Dispatch.Silo.Extensions;

public static class DispatchLiveExtensions
{
    /// <summary>
    /// SignalR with the API's JSON conventions (camelCase, enums as strings, ISO-8601 instants) and the
    /// <see cref="LivePusher"/> that relays live events to hub groups. Needs the dashboard's <c>ActivityHistory</c>
    /// (AddDispatchDashboardHost registers it).
    /// </summary>
    public static WebApplicationBuilder AddDispatchLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => DispatchJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddHostedService<LivePusher>();
        builder.Services.AddSingleton<LiveEventLog>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveEventLog>());
        return builder;
    }

    /// <summary>The live hub at <see cref="LiveHub.Path"/>.</summary>
    public static WebApplication MapDispatchLive(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
