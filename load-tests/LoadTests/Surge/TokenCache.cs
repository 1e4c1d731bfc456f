using System.Collections.Concurrent;
using Dispatch.LoadTests.Api;

namespace Dispatch.LoadTests.Surge;

/// <summary>Dev tokens by (role, scope), fetched once each (retrying while the silo is unavailable, until cancelled).</summary>
public sealed class TokenCache(DispatchApiClient api)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new(StringComparer.Ordinal);

    public Task<string> AdminAsync(CancellationToken cancellationToken) => GetAsync("admin", null, cancellationToken);

    public Task<string> CommissionerAsync(string townshipId, CancellationToken cancellationToken) =>
        GetAsync("commissioner", townshipId, cancellationToken);

    public Task<string> GetAsync(string role, string? scope, CancellationToken cancellationToken) =>
        _tokens.GetOrAdd($"{role}|{scope}", _ => new Lazy<Task<string>>(() => FetchAsync(role, scope, cancellationToken))).Value;

    private async Task<string> FetchAsync(string role, string? scope, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var r = await api.DevTokenAsync(role, scope, cancellationToken);
            if (r.Succeeded) return r.Value!;
            if (r.Status == 404)
                throw new SurgeSetupException("POST /api/v1/auth/dev-token answered 404: dev tokens are off on this silo. Start it with Auth__DevTokens=true (dev tokens are on by default only on the embedded SQLite store).");
            if (!r.IsTransient || attempt >= 50)
                throw new SurgeSetupException($"No dev token for {role} {scope}: {r.Error}");
            await Task.Delay(Backoff.After(attempt), cancellationToken);
        }
    }
}
