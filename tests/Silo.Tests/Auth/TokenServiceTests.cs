using System.Text;
using System.Text.Json;
using Dispatch.Testing;
using NodaTime.Testing;
using Dispatch.Silo.Auth;
using NodaTime;

namespace Dispatch.Silo.Tests.Auth;

public sealed class TokenServiceTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 11, 23, 1, 0));
    private static readonly TokenSigningKey Key = TokenSigningKey.FromBase64(TokenSigningKey.GenerateBase64(), "test", out _)!;

    [Fact]
    public void Issue_ThenValidate_RoundTripsThePayload()
    {
        var tokens = new TokenService(Key, Clock);

        var token = tokens.Issue("commissioner", "tc-a-t1", "东街道政法委员", Duration.FromDays(1));

        Assert.True(tokens.TryValidate(token, out var payload, out var error), error);
        Assert.Equal(("commissioner", "tc-a-t1", "东街道政法委员"), (payload!.Role, payload.Scope, payload.Name));
        Assert.Equal(Clock.GetCurrentInstant() + Duration.FromDays(1), TokenService.ExpiresAt(payload));
    }

    [Fact]
    public void Issue_Format_IsDsp1PayloadSignatureInBase64Url()
    {
        var token = new TokenService(Key, Clock).Issue("admin", null, "ops", Duration.FromHours(1));

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("dsp1", parts[0]);
        Assert.DoesNotContain('=', token);
        var json = JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))).RootElement;
        Assert.Equal(["role", "scope", "name", "exp"], json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]).Length);
    }

    [Fact]
    public void TryValidate_AfterExpiry_FailsSayingSo()
    {
        var clock = new FakeClock(Clock.GetCurrentInstant());
        var tokens = new TokenService(Key, clock);
        var token = tokens.Issue("admin", null, "ops", Duration.FromMinutes(5));

        clock.Advance(Duration.FromMinutes(5));

        Assert.False(tokens.TryValidate(token, out _, out var error));
        Assert.Contains("expired", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryValidate_TamperedPayload_FailsOnTheSignature()
    {
        var tokens = new TokenService(Key, Clock);
        var parts = tokens.Issue("department", "tc-a-t1-pol", "派出所", Duration.FromDays(1)).Split('.');
        var forged = System.Buffers.Text.Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes("""{"role":"admin","scope":null,"name":"x","exp":9999999999}"""));

        Assert.False(tokens.TryValidate($"dsp1.{forged}.{parts[2]}", out _, out var error));
        Assert.Contains("signature", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dsp1")]
    [InlineData("dsp1.a.b.c")]
    [InlineData("jwt.a.b")]
    [InlineData("dsp1.!!.??")]
    public void TryValidate_Malformed_Fails(string token) =>
        Assert.False(new TokenService(Key, Clock).TryValidate(token, out _, out _));

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void FromBase64_ShortOrNotBase64_ExplainsWhy(string key)
    {
        Assert.Null(TokenSigningKey.FromBase64(key, "Auth:SigningKey", out var error));
        Assert.StartsWith("Auth:SigningKey", error, StringComparison.Ordinal);
    }
}
