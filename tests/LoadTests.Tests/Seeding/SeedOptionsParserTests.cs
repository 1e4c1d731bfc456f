using Dispatch.Grains.Domain.City;
using Dispatch.LoadTests.Seeding;
using NodaTime;

namespace Dispatch.LoadTests.Tests.Seeding;

public sealed class SeedOptionsParserTests
{
    [Fact]
    public void Defaults_WithStartPostgres_AreAMillionCasesOverTwoYearsOfBaotou()
    {
        var o = SeedOptionsParser.Parse(new SeedArguments { Start = "postgres" }, out var errors);
        Assert.True(o is not null, string.Join("; ", errors));
        Assert.Null(o.Postgres);
        Assert.Equal(1_000_000, o.Cases);
        Assert.Equal(2, o.Years);
        Assert.Null(o.Until);
        Assert.Equal(Path.Combine(CityLoader.DataDirectory, "city-baotou.json"), o.City.File);
        var spec = o.Spec(Instant.FromUtc(2026, 11, 29, 0, 0));
        Assert.Equal(Instant.FromUtc(2024, 11, 29, 0, 0), spec.From);
    }

    [Fact]
    public void Postgres_AndUntil_AreTaken()
    {
        var o = SeedOptionsParser.Parse(new SeedArguments { Postgres = "Host=127.0.0.1;Database=d", Until = "2026-01-02T03:04:05Z", Cases = 10 }, out _)!;
        Assert.Equal("Host=127.0.0.1;Database=d", o.Postgres);
        Assert.Equal(Instant.FromUtc(2026, 1, 2, 3, 4, 5), o.Until);
        Assert.Equal(10, o.Cases);
    }

    [Theory]
    [InlineData(null, null, "--postgres")]
    [InlineData("Host=x", "postgres", "not both")]
    [InlineData(null, "sqlite", "--start: 'sqlite' is not postgres")]
    [InlineData("Hots=127.0.0.1", null, "--postgres: not an Npgsql connection string")]
    public void Target_MustBeOneDatabase(string? postgres, string? start, string expected)
    {
        Assert.Null(SeedOptionsParser.Parse(new SeedArguments { Postgres = postgres, Start = start }, out var errors));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBadOption_IsNamed_WithTheFormExpected()
    {
        Assert.Null(SeedOptionsParser.Parse(new SeedArguments
        {
            Start = "postgres",
            Cases = 0,
            Years = 0,
            City = "/no/such/city.json",
            Until = "yesterday",
        }, out var errors));
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("--cases must be a whole number from 1 to 50,000,000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--years must be above 0 and at most 20", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--city: no such file: /no/such/city.json", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--until: 'yesterday' is not an ISO-8601 UTC instant", StringComparison.Ordinal));
    }
}
