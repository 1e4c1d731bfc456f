using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dispatch.Silo.Hosting;

/// <summary>What the console shows once the silo listens: where to point a browser, and how to get a token.</summary>
public static class StartupBanner
{
    /// <summary>The addresses the server actually listens on (ports resolved).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    public static void Print(WebApplication app, TextWriter output)
    {
        var settings = app.Services.GetRequiredService<SiloSettings>();
        var addresses = Addresses(app);
        var first = addresses.FirstOrDefault()?.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal) ?? "http://localhost:5000";
        output.WriteLine($"Dispatch silo ready. Store: {settings.Store.Provider} · City: {settings.CityFile} ({settings.City.Centers.Count} centers)");
        foreach (var address in addresses)
            output.WriteLine($"  Dashboard:  {address}/");
        output.WriteLine($"  API:        {first}/api/v1  (OpenAPI: {first}/openapi/v1.json, health: {first}/health)");
        var cluster = settings.Cluster;
        output.WriteLine(settings.Store.IsPostgres
            ? $"  Cluster:    {cluster.ServiceId}/{cluster.ClusterId}, this silo at {cluster.AdvertisedAddress}:{cluster.SiloPort} (gateway {cluster.GatewayPort}); members meet in the PostgreSQL membership table"
            : "  Cluster:    one silo (SQLite keeps one silo per database file)");
        output.WriteLine($"  Orleans:    {first}/orleans/ (admin)");
        if (app.Services.GetRequiredService<CalendarYears>().Warning() is { } calendar)
            output.WriteLine($"  WARNING:    {calendar}");
        if (settings.DevTokens)
        {
            output.WriteLine("  Dev token:  curl -s -X POST " + first + "/api/v1/auth/dev-token -H 'Content-Type: application/json' -d '{\"role\":\"admin\"}'");
            output.WriteLine("              (roles: commissioner + township id, department + department id, dutyLeader + county id, gridWorker + grid id, admin)");
            if (settings.Open311.Find(Open311.Open311Clients.DevKey) is { } open311)
                output.WriteLine($"  Open311:    {first}/open311/v2/services.json · api_key={open311.ApiKey} (scope {open311.Scope})");
        }
        else
        {
            output.WriteLine("  Tokens:     dotnet run --project Silo -- issue-token --role admin   (dev tokens are off)");
        }
    }
}
