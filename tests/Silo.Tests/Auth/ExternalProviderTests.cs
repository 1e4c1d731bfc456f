using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Auth;

/// <summary>
/// A silo with <c>Auth:Authority</c> pointing at a real OIDC-shaped issuer (<see cref="OidcIssuer"/>, Kestrel on loopback):
/// its RS256 tokens are accepted, validated against its discovery document and JWKS; forged, expired, wrong-audience,
/// wrong-issuer and out-of-city tokens are 401 problem+json; the silo's own tokens still work beside them.
/// </summary>
public sealed class ExternalProviderTests(ExternalProviderTests.Fixture fixture) : IClassFixture<ExternalProviderTests.Fixture>
{
    private const string Audience = "dispatch-city";
    private readonly OidcIssuer _issuer = fixture.Issuer;
    private readonly SiloHost _host = fixture.Host;

    /// <summary>The issuer, and one silo trusting it, shared by the tests of the class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public OidcIssuer Issuer { get; private set; } = null!;
        public SiloHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Issuer = await OidcIssuer.StartAsync();
            Host = await SiloHost.StartSqliteAsync($"--Auth:Authority={Issuer.Issuer}", $"--Auth:Audience={Audience}");
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }

    private Instant Now => _host.Clock.GetCurrentInstant();

    private static Dictionary<string, object> Claims(object role, string? scope, string name = "张三") =>
        scope is null
            ? new() { ["sub"] = "user-1", ["dispatch_role"] = role, ["name"] = name, ["scope"] = "openid profile" }
            : new() { ["sub"] = "user-1", ["dispatch_role"] = role, ["dispatch_scope"] = scope, ["name"] = name, ["scope"] = "openid profile" };

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = _host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/auth/me");
    }

    [Fact]
    public async Task ProvidersToken_IsAccepted_AsThePrincipalItNames()
    {
        var token = _issuer.Token(Now, Now + Duration.FromHours(1), Audience, Claims("commissioner", "tc-a-t1"));

        using var response = await MeAsync(token);

        var actor = await response.ReadAsync<Actor>();
        Assert.Equal(new Actor("commissioner", "tc-a-t1", "张三"), actor);
    }

    [Fact]
    public async Task ProvidersToken_RoleAsAnArrayAmongOtherRoles_TakesTheDispatchRole()
    {
        var token = _issuer.Token(Now, Now + Duration.FromHours(1), Audience, Claims(new[] { "offline_access", "dutyLeader" }, "tc-a"));

        using var response = await MeAsync(token);

        var actor = await response.ReadAsync<Actor>();
        Assert.Equal(("dutyLeader", "tc-a"), (actor.Role, actor.Scope));
    }

    [Fact]
    public async Task ProvidersToken_ActsThroughTheApi_AsItsPrincipal()
    {
        var token = _issuer.Token(Now, Now + Duration.FromHours(1), Audience, Claims("commissioner", "tc-a-t1", "李四"));
        using var client = new HttpClient { BaseAddress = _host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.PostJsonAsync("/api/v1/cases", new { gridId = "tc-a-t1-g1", category = "neighbourDispute", summary = "噪音", source = "grid" });

        var view = await response.ReadAsync<CaseView>(HttpStatusCode.Created);
        Assert.Equal("tc-a-t1", view.TownshipId);
        Assert.Equal("commissioner:tc-a-t1", Assert.Single(view.Timeline).Actor);
    }

    [Fact]
    public async Task BadProviderTokens_Are401Problems_SayingWhy()
    {
        using var forger = RSA.Create(2048);
        var later = Now + Duration.FromHours(1);
        (string Token, string Reason)[] cases =
        [
            (_issuer.Token(Now, later, Audience, Claims("admin", null), signWith: forger), "signature"),
            (_issuer.Token(Now - Duration.FromHours(2), Now - Duration.FromHours(1), Audience, Claims("admin", null)), "expired"),
            (_issuer.Token(Now, later, "another-api", Claims("admin", null)), "aud"),
            (_issuer.Token(Now, later, Audience, Claims("admin", null), issuer: "https://evil.example/realms/city"), "iss"),
            (_issuer.Token(Now, later, Audience, Claims("commissioner", "tc-zz-t9")), "scope"),
            (_issuer.Token(Now, later, Audience, Claims("mayor", null)), "dispatch_role"),
            (_issuer.Token(Now, later, Audience, Claims(new[] { "admin", "commissioner" }, null)), "more than one"),
        ];
        foreach (var (token, reason) in cases)
        {
            using var response = await MeAsync(token);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
            Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task SilosOwnTokens_StillWork_BesideTheProvider()
    {
        using var client = await _host.ClientAsync("department", "tc-a-t1-pol");

        using var response = await client.GetAsync("/api/v1/auth/me");

        var actor = await response.ReadAsync<Actor>();
        Assert.Equal(("department", "tc-a-t1-pol"), (actor.Role, actor.Scope));
    }
}
