using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.Tests.Domain.City;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Stats;

public sealed class StatsQueryTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    private static FieldError Error(string? scope, string? period, string? at)
    {
        Assert.False(StatsQuery.TryParse(scope, period, at, TestCity.Model, Today, out var query, out var error));
        Assert.Null(query);
        return error;
    }

    [Theory]
    [InlineData("tc", StatsScopeKind.City)]
    [InlineData("tc-a", StatsScopeKind.County)]
    [InlineData("tc-a-t1", StatsScopeKind.Township)]
    [InlineData("tc-a-t1-pol", StatsScopeKind.Department)]
    [InlineData("tc-psb", StatsScopeKind.Department)]
    public void TryParse_KnownScope_ResolvesItsKind(string scope, StatsScopeKind kind)
    {
        Assert.True(StatsQuery.TryParse(scope, "week", "2026-11-29", TestCity.Model, Today, out var query, out var error));

        Assert.Null(error);
        Assert.Equal(new StatsQuery(scope, kind, StatsPeriod.Week, new LocalDate(2026, 11, 29)), query);
        Assert.Equal(new DateInterval(new(2026, 11, 23), new(2026, 11, 29)), query.Dates);
    }

    [Theory]
    [InlineData("day", StatsPeriod.Day)]
    [InlineData("Month", StatsPeriod.Month)]
    [InlineData("QUARTER", StatsPeriod.Quarter)]
    public void TryParse_PeriodInAnyCase_IsAccepted(string text, StatsPeriod period)
    {
        Assert.True(StatsQuery.TryParse("tc", text, "2026-11-23", TestCity.Model, Today, out var query, out _));
        Assert.Equal(period, query.Period);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_NoDate_MeansToday(string? at)
    {
        Assert.True(StatsQuery.TryParse("tc", "day", at, TestCity.Model, Today, out var query, out _));
        Assert.Equal(Today, query.At);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("TC")]
    [InlineData("tc-a-t1-g1")]
    public void TryParse_UnknownScope_IsAScopeError(string scope)
    {
        var error = Error(scope, "day", "2026-11-23");
        Assert.Equal("scope", error.Field);
        Assert.Contains(scope, error.Message);
    }

    [Fact]
    public void TryParse_VillageScope_IsAScopeErrorSayingWhy()
    {
        var error = Error("tc-a-t1-v1", "day", "2026-11-23");
        Assert.Equal("scope", error.Field);
        Assert.Contains("village", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void TryParse_MissingScope_IsAScopeError(string? scope) => Assert.Equal("scope", Error(scope, "day", null).Field);

    [Theory]
    [InlineData(null)]
    [InlineData("year")]
    [InlineData("days")]
    [InlineData("1")]
    public void TryParse_UnknownOrMissingPeriod_IsAPeriodError(string? period) => Assert.Equal("period", Error("tc", period, null).Field);

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026-1-5")]
    [InlineData("20261123")]
    [InlineData("2026-11-23T00:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("1999-12-31")]
    [InlineData("3000-01-01")]
    public void TryParse_MalformedOrOutOfRangeDate_IsAnAtError(string at)
    {
        var error = Error("tc", "day", at);
        Assert.Equal("at", error.Field);
        Assert.Contains(at, error.Message);
    }

    [Fact]
    public void TryParse_SeveralBadFields_NamesTheFirst() => Assert.Equal("scope", Error("nowhere", "year", "bad").Field);

    [Theory]
    [InlineData("tc", "township", RankBy.Township)]
    [InlineData("tc-a", "Township", RankBy.Township)]
    [InlineData("tc", "department", RankBy.Department)]
    [InlineData("tc-b", "department", RankBy.Department)]
    [InlineData("tc-a-t1", "department", RankBy.Department)]
    public void RankingTryParse_CenterScope_IsAccepted(string scope, string by, RankBy rankBy)
    {
        Assert.True(RankingQuery.TryParse(scope, "month", "2026-11-23", by, TestCity.Model, Today, out var query, out var error));
        Assert.Null(error);
        Assert.Equal((scope, rankBy, StatsPeriod.Month), (query.Scope, query.By, query.Period));
    }

    [Theory]
    [InlineData("tc-a-t1", "township", "scope")]
    [InlineData("tc-a-t1-pol", "department", "scope")]
    [InlineData("tc-a-t1-pol", "township", "scope")]
    [InlineData("tc", null, "by")]
    [InlineData("tc", "grid", "by")]
    [InlineData("tc", "", "by")]
    public void RankingTryParse_BadScopeOrBy_NamesTheField(string scope, string? by, string field)
    {
        Assert.False(RankingQuery.TryParse(scope, "month", "2026-11-23", by, TestCity.Model, Today, out var query, out var error));
        Assert.Null(query);
        Assert.Equal(field, error.Field);
    }
}
