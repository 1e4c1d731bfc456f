using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Options;

namespace Dispatch.Silo.Open311;

/// <summary>The configured Open311 clients, checked at start, looked up by api_key.</summary>
public sealed class Open311Clients
{
    /// <summary>The api_key the embedded default accepts for the whole city (as dev tokens are).</summary>
    public const string DevKey = "dev-open311";

    private readonly Dictionary<string, Open311Client> _byKey;

    private Open311Clients(IReadOnlyList<Open311Client> clients)
    {
        All = clients;
        _byKey = clients.ToDictionary(c => c.ApiKey, StringComparer.Ordinal);
    }

    public IReadOnlyList<Open311Client> All { get; }

    /// <summary>The client with this api_key, or null.</summary>
    public Open311Client? Find(string? apiKey) => apiKey is not null && _byKey.TryGetValue(apiKey, out var c) ? c : null;

    /// <summary>
    /// Checks the configured clients: each has an api_key (8 to 200 printable characters, no two alike), a scope that is
    /// a township, county or city center of <paramref name="city"/>, and a name. With <paramref name="devKey"/>, the key
    /// <see cref="DevKey"/> is added for the city's root center unless configured. Returns why not, or the clients.
    /// </summary>
    public static (Open311Clients? Clients, string? Error) From(IReadOnlyList<Open311ClientOptions> configured, CityModel city, bool devKey)
    {
        var clients = new List<Open311Client>();
        for (var i = 0; i < configured.Count; i++)
        {
            var c = configured[i];
            var at = $"Open311:Clients:{i}";
            if (string.IsNullOrWhiteSpace(c.ApiKey) || c.ApiKey.Length is < 8 or > 200 || c.ApiKey.Any(ch => char.IsControl(ch) || char.IsWhiteSpace(ch)))
                return (null, $"{at}:ApiKey must be 8 to 200 printable characters without spaces.");
            if (clients.Any(k => k.ApiKey == c.ApiKey))
                return (null, $"{at}:ApiKey is the same as another client's.");
            if (string.IsNullOrWhiteSpace(c.Scope) || !city.TryGetCenter(c.Scope, out var center) || center.Level == CenterLevel.Village)
                return (null, $"{at}:Scope '{c.Scope}' is not a township, county or city center of the city.");
            if (string.IsNullOrWhiteSpace(c.Name))
                return (null, $"{at}:Name must not be empty.");
            clients.Add(new Open311Client(c.ApiKey, c.Scope, c.Name.Trim()));
        }
        if (devKey && clients.All(c => c.ApiKey != DevKey))
        {
            var root = city.Centers.First(c => c.ParentId is null);
            clients.Add(new Open311Client(DevKey, root.Id, "dev-open311"));
        }
        return (new Open311Clients(clients), null);
    }
}
