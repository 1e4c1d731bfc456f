using System.Net;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Auth;

/// <summary>
/// Per-principal rate limits (RateLimit:*) on a silo whose buckets hold a few requests and refill once an hour, so the
/// counts are exact: a principal beyond its bucket gets 429 problem+json with Retry-After, others are not affected.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private SiloHost _host = null!;

    public async Task InitializeAsync() => _host = await SiloHost.StartSqliteAsync(
        "--RateLimit:Period=01:00:00", "--RateLimit:PermitsPerPeriod=3", "--RateLimit:Burst=3",
        "--RateLimit:AnonymousPermitsPerPeriod=3", "--RateLimit:AnonymousBurst=3");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OnePrincipalBeyondItsBucket_Gets429WithRetryAfter_OthersAndAnonymousBucketsAreTheirOwn()
    {
        // Two dev tokens: two anonymous requests from this address (its bucket holds three).
        using var greedy = await _host.ClientAsync("commissioner", "tc-a-t1");
        using var other = await _host.ClientAsync("department", "tc-a-t1-pol");

        for (var i = 0; i < 3; i++)
        {
            using var ok = await greedy.GetAsync("/api/v1/auth/me");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await greedy.GetAsync("/api/v1/auth/me");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } delta && delta > TimeSpan.Zero && delta <= TimeSpan.FromHours(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("try again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using (var others = await other.GetAsync("/api/v1/auth/me"))
            Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        using (var anonymous = await _host.Http.GetAsync("/api/v1/auth/me"))
            await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        using (var anonymousAgain = await _host.Http.GetAsync("/api/v1/auth/me"))
            await anonymousAgain.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        for (var i = 0; i < 5; i++)
        {
            using var health = await _host.Http.GetAsync("/health");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, health.StatusCode);
        }
    }
}
