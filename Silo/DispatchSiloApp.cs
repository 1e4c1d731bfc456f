using Dispatch.Silo.Extensions;

namespace Dispatch.Silo;

/// <summary>Builds the silo application; Program runs it, tests start it on a loopback port.</summary>
public static class DispatchSiloApp
{
    /// <summary>
    /// The silo with its services and endpoints, not started. <paramref name="configure"/> runs before the silo's own
    /// registrations (a test registers its clock there).
    /// </summary>
    /// <exception cref="Hosting.SiloStartupException">The configuration, city file, calendar file or signing key is wrong.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddDispatchSilo();
        var app = builder.Build();
        app.MapDispatchApi();
        return app;
    }
}
