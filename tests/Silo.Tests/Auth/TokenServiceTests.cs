using System.Security.Claims;
using System.Text;
using System.Text.Json;
using NodaTime.Testing;
using Dispatch.Silo.Auth;
using NodaTime;

namespace Dispatch.Silo.Tests.Auth;

public sealed class TokenServiceTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 11, 23, 1, 0));
    private static readonly TokenSigningKey Key = TokenSigningKey.FromBase64(TokenSigningKey.GenerateBase64(), "test", out _)!;

    private static JsonElement Part(string token, int index) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[index]))).RootElement;

    [Fact]
    public async Task Issue_ThenValidate_RoundTripsTheClaims()
    {
        var tokens = new TokenService(Key, Clock);

        var token = tokens.Issue("commissioner", "tc-a-t1", "东街道政法委员", Duration.FromDays(1));

        var (principal, error) = await tokens.ValidateAsync(token);
        Assert.True(principal is not null, error);
        Assert.Equal(("commissioner", "tc-a-t1", "东街道政法委员"),
            (principal.FindFirstValue("role"), principal.FindFirstValue("scope"), principal.FindFirstValue("name")));
    }

    [Fact]
    public void Issue_IsAStandardHs256Jwt_WithIssuerAudienceAndTimes()
    {
        var token = new TokenService(Key, Clock).Issue("admin", null, "ops", Duration.FromHours(1));

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.DoesNotContain('=', token);
        var header = Part(token, 0);
        Assert.Equal(("HS256", "JWT"), (header.GetProperty("alg").GetString(), header.GetProperty("typ").GetString()));
        var payload = Part(token, 1);
        Assert.Equal(TokenService.Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal(TokenService.Audience, payload.GetProperty("aud").GetString());
        Assert.Equal(("admin", "ops"), (payload.GetProperty("role").GetString(), payload.GetProperty("name").GetString()));
        Assert.False(payload.TryGetProperty("scope", out _));
        Assert.Equal(Clock.GetCurrentInstant().ToUnixTimeSeconds(), payload.GetProperty("iat").GetInt64());
        Assert.Equal((Clock.GetCurrentInstant() + Duration.FromHours(1)).ToUnixTimeSeconds(), payload.GetProperty("exp").GetInt64());
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]).Length);
    }

    [Fact]
    public async Task ValidateAsync_AfterExpiry_FailsSayingSo()
    {
        var clock = new FakeClock(Clock.GetCurrentInstant());
        var tokens = new TokenService(Key, clock);
        var token = tokens.Issue("admin", null, "ops", Duration.FromMinutes(5));

        clock.Advance(Duration.FromMinutes(5));

        var (principal, error) = await tokens.ValidateAsync(token);
        Assert.Null(principal);
        Assert.Contains("expired", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_TamperedPayload_FailsOnTheSignature()
    {
        var tokens = new TokenService(Key, Clock);
        var parts = tokens.Issue("department", "tc-a-t1-pol", "派出所", Duration.FromDays(1)).Split('.');
        var forged = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"iss":"dispatch","aud":"dispatch-api","role":"admin","name":"x","exp":{{(Clock.GetCurrentInstant() + Duration.FromDays(1)).ToUnixTimeSeconds()}}}"""));

        var (principal, error) = await tokens.ValidateAsync($"{parts[0]}.{forged}.{parts[2]}");
        Assert.Null(principal);
        Assert.Contains("signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_AnotherKeysToken_Fails()
    {
        var other = new TokenService(TokenSigningKey.FromBase64(TokenSigningKey.GenerateBase64(), "other", out _)!, Clock);

        var (principal, error) = await new TokenService(Key, Clock).ValidateAsync(other.Issue("admin", null, "x", Duration.FromDays(1)));

        Assert.Null(principal);
        Assert.Contains("signature", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dsp1")]
    [InlineData("a.b.c.d")]
    [InlineData("jwt.a.b")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.")]
    public async Task ValidateAsync_MalformedOrUnsigned_Fails(string token) =>
        Assert.Null((await new TokenService(Key, Clock).ValidateAsync(token)).Principal);

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void FromBase64_ShortOrNotBase64_ExplainsWhy(string key)
    {
        Assert.Null(TokenSigningKey.FromBase64(key, "Auth:SigningKey", out var error));
        Assert.StartsWith("Auth:SigningKey", error, StringComparison.Ordinal);
    }
}
