using Dispatch.Grains.Domain.Reports;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Tests.Domain.City;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Reports;

/// <summary>Producing a county's cadence report on demand: the request's checks and who may.</summary>
public sealed class ReportProductionTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    [Fact]
    public void TryCreate_NoDate_IsToday_AndAPastDateIsKept()
    {
        Assert.True(ReportProduction.TryCreate("tc-a", ReportKind.Weekly, null, TestCity.Model, Today, out var production, out var error));
        Assert.Null(error);
        Assert.Equal(new ReportProduction("tc-a", ReportKind.Weekly, Today), production);
        Assert.True(ReportProduction.TryCreate(" tc-b ", ReportKind.Quarterly, new LocalDate(2026, 3, 1), TestCity.Model, Today, out var past, out _));
        Assert.Equal(new ReportProduction("tc-b", ReportKind.Quarterly, new LocalDate(2026, 3, 1)), past);
    }

    [Theory]
    [InlineData(null, ReportKind.Daily, 0, "county")]
    [InlineData("", ReportKind.Daily, 0, "county")]
    [InlineData("tc", ReportKind.Daily, 0, "county")]
    [InlineData("tc-a-t1", ReportKind.Daily, 0, "county")]
    [InlineData("tc-a", null, 0, "kind")]
    [InlineData("tc-a", (ReportKind)9, 0, "kind")]
    [InlineData("tc-a", ReportKind.Daily, 1, "at")]
    public void TryCreate_BadInput_NamesTheField(string? county, ReportKind? kind, int daysAfterToday, string field)
    {
        LocalDate? at = daysAfterToday == 0 ? null : Today.PlusDays(daysAfterToday);
        Assert.False(ReportProduction.TryCreate(county, kind, at, TestCity.Model, Today, out var production, out var error));
        Assert.Null(production);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("nowhere", true)]
    [InlineData("tc-a-t1", false)]
    [InlineData("tc-a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsUnknownCenter_OnlyForAnIdNamingNoCenter(string? county, bool unknown) =>
        Assert.Equal(unknown, ReportProduction.IsUnknownCenter(county, TestCity.Model));

    [Theory]
    [InlineData(Actor.Admin, null, "tc-a", true)]
    [InlineData(Actor.DutyLeader, "tc-a", "tc-a", true)]
    [InlineData(Actor.DutyLeader, "tc-b", "tc-a", false)]
    [InlineData(Actor.Commissioner, "tc-a-t1", "tc-a", false)]
    [InlineData(Actor.Department, "tc-a-psb", "tc-a", false)]
    public void MayProduceReports_TheCountysDutyLeaderAndAdmin(string role, string? scope, string county, bool may) =>
        Assert.Equal(may, StatsAccess.MayProduceReports(new Actor(role, scope, "x"), county));
}
