using Dispatch.Grains.Domain.City;
using Dispatch.LoadTests.Distributions;
using Dispatch.LoadTests.Scenario;

namespace Dispatch.LoadTests.Tests.Scenario;

public sealed class SurgeOptionsParserTests
{
    [Fact]
    public void Defaults_WithStart_AreValid()
    {
        var o = SurgeOptionsParser.Parse(new SurgeArguments { Start = "sqlite", Report = "r" }, out var errors);
        Assert.True(o is not null, string.Join("; ", errors));
        Assert.Equal(StoreKind.Sqlite, o.Start);
        Assert.Empty(o.Urls);
        Assert.Equal(1, o.Silos);
        Assert.Equal(Path.Combine(CityLoader.DataDirectory, "city-baotou.json"), o.City.File);
        Assert.Equal(TimeSpan.FromSeconds(15), o.AckWithin);
        Assert.Equal(TimeSpan.FromSeconds(20), o.EffectiveDrain);
        Assert.IsType<LogNormalDelay>(o.AckDelay);
        Assert.Equal(ArrivalPattern.Poisson, o.Arrivals);
    }

    [Fact]
    public void Within_TakesIsoShortOrPolicy()
    {
        var o = SurgeOptionsParser.Parse(new SurgeArguments { Url = "http://127.0.0.1:5000", AckWithin = "30s", ArriveWithin = "policy" }, out _)!;
        Assert.Equal(TimeSpan.FromSeconds(30), o.AckWithin);
        Assert.Null(o.ArriveWithin);
        Assert.Equal([new Uri("http://127.0.0.1:5000/")], o.Urls);
    }

    [Fact]
    public void Errors_AreAllCollected()
    {
        var o = SurgeOptionsParser.Parse(new SurgeArguments
        {
            Url = "http://10.0.0.5:5000",
            Start = "sqlite",
            Whistles = 0,
            AckDelay = "lognormal:median=2s",
            AckWithin = "PT0.5S",
            RiskMix = "purple=1",
            Chaos = "flood",
            SilentShare = 1.5,
        }, out var errors);
        Assert.Null(o);
        string[] expected =
        [
            "Give exactly one target",
            "--whistles must be 1 to 1,000,000.",
            "--silent-share must be between 0 and 1.",
            "unknown risk 'purple'",
            "--ack-within must be at least 1s",
            "--ack-delay: Bad delay distribution 'lognormal:median=2s': lognormal needs p99",
            "--chaos: 'flood' is not none or kill.",
        ];
        foreach (var e in expected)
            Assert.True(errors.Any(x => x.Contains(e, StringComparison.Ordinal)), $"expected an error containing \"{e}\" in:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Url_MustBeLoopback()
    {
        SurgeOptionsParser.Parse(new SurgeArguments { Url = "http://192.168.1.2:5000" }, out var errors);
        Assert.Contains(errors, e => e.Contains("this machine only", StringComparison.Ordinal));
        Assert.Equal(new Uri("http://localhost:5000/"), LoopbackUrl.Parse("http://localhost:5000/api"));
        Assert.Equal(new Uri("http://[::1]:5000/"), LoopbackUrl.Parse("http://[::1]:5000"));
    }

    [Fact]
    public void Url_ListOfSilos_IsKeptInOrder()
    {
        var o = SurgeOptionsParser.Parse(new SurgeArguments { Url = "http://127.0.0.1:5001, http://127.0.0.1:5002,http://127.0.0.1:5003/" }, out var errors);
        Assert.True(o is not null, string.Join("; ", errors));
        Assert.Equal(["http://127.0.0.1:5001/", "http://127.0.0.1:5002/", "http://127.0.0.1:5003/"], o.Urls.Select(u => u.ToString()));

        SurgeOptionsParser.Parse(new SurgeArguments { Url = "http://127.0.0.1:5001,http://10.1.1.1:5002" }, out errors);
        Assert.Contains(errors, e => e.Contains("this machine only", StringComparison.Ordinal));
    }

    [Fact]
    public void Silos_SeveralOnlyWithStartPostgres()
    {
        var o = SurgeOptionsParser.Parse(new SurgeArguments { Start = "postgres", Silos = 3, Chaos = "kill" }, out var errors);
        Assert.True(o is not null, string.Join("; ", errors));
        Assert.Equal(3, o.Silos);

        SurgeOptionsParser.Parse(new SurgeArguments { Start = "sqlite", Silos = 2 }, out errors);
        Assert.Contains(errors, e => e.Contains("--silos above 1 needs --start postgres", StringComparison.Ordinal));
        SurgeOptionsParser.Parse(new SurgeArguments { Start = "postgres", Silos = 0 }, out errors);
        Assert.Contains(errors, e => e.Contains("--silos must be 1 to 9", StringComparison.Ordinal));
    }

    [Fact]
    public void ChaosKill_NeedsStart()
    {
        SurgeOptionsParser.Parse(new SurgeArguments { Url = "http://127.0.0.1:5000", Chaos = "kill" }, out var errors);
        Assert.Contains(errors, e => e.Contains("--chaos kill needs --start", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("9,10,50", 9, 10, 50)]
    [InlineData(" 1, 2 ,3 ", 1, 2, 3)]
    public void Generate_Parses(string text, int c, int t, int g)
    {
        var s = CitySource.ParseGenerate(text);
        Assert.True(s.IsGenerated);
        Assert.Equal((c, t, g), (s.Counties, s.TownshipsPerCounty, s.GridsPerTownship));
    }

    [Theory]
    [InlineData("9,10")]
    [InlineData("9,10,x")]
    [InlineData("0,10,5")]
    [InlineData("9,-1,5")]
    public void Generate_RefusesWithTheShape(string text)
    {
        var e = Assert.Throws<FormatException>(() => CitySource.ParseGenerate(text));
        Assert.StartsWith($"Bad --generate '{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_MaterialisesALoadableCity()
    {
        var dir = Directory.CreateTempSubdirectory("surge-city-");
        try
        {
            var (city, file) = CitySource.ParseGenerate("2,3,4").Materialise(5, dir.FullName);
            Assert.True(File.Exists(file));
            Assert.Equal(24, city.Grids.Count);
            Assert.Equal(6, city.Centers.Count(c => c.Level == Grains.Interfaces.Model.CenterLevel.Township));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
