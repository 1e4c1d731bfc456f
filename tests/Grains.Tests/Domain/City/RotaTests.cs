using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using static Dispatch.Grains.Tests.Domain.Shanghai;

namespace Dispatch.Grains.Tests.Domain.City;

public sealed class RotaTests
{
    [Fact]
    public void OnDutyAt_FirstHandOver_IncomingChiefFromTheInstant()
    {
        var shift = TestCity.Model.OnDutyAt("tc-a", At(2026, 1, 1, 8, 30));

        Assert.Equal((DutyRole.PublicSecurityChief, "王建军"), (shift.Role, shift.Name));
        Assert.Equal(At(2026, 1, 1, 8, 30), shift.From);
        Assert.Equal(At(2026, 1, 2, 8, 30), shift.To);
    }

    [Fact]
    public void OnDutyAt_JustBeforeHandOver_OutgoingChief()
    {
        var shift = TestCity.Model.OnDutyAt("tc-a", At(2026, 1, 2, 8, 29, 59));

        Assert.Equal(DutyRole.PublicSecurityChief, shift.Role);
        Assert.Equal(DutyRole.CourtPresident, TestCity.Model.OnDutyAt("tc-a", At(2026, 1, 2, 8, 30)).Role);
    }

    [Fact]
    public void OnDutyAt_BeforeRotaStart_RotationRunsBackwards()
    {
        var shift = TestCity.Model.OnDutyAt("tc-a", At(2026, 1, 1, 8, 29));

        Assert.Equal((DutyRole.JusticeDirector, "刘玉兰"), (shift.Role, shift.Name));
        Assert.Equal(At(2025, 12, 31, 8, 30), shift.From);
    }

    [Theory]
    [InlineData(5, DutyRole.PublicSecurityChief)]
    [InlineData(6, DutyRole.CourtPresident)]
    [InlineData(7, DutyRole.ChiefProcurator)]
    [InlineData(8, DutyRole.JusticeDirector)]
    [InlineData(9, DutyRole.PublicSecurityChief)]
    public void OnDutyAt_DailyRotationInFixedOrder(int day, DutyRole expected) =>
        Assert.Equal(expected, TestCity.Model.OnDutyAt("tc-a", At(2026, 1, day, 12, 0)).Role);

    [Fact]
    public void OnDutyAt_WeeklyRotaWithOwnHandOverTime()
    {
        var city = TestCity.Model;

        Assert.Equal("陈国栋", city.OnDutyAt("tc-b", At(2026, 1, 12, 8, 59)).Name);
        var next = city.OnDutyAt("tc-b", At(2026, 1, 12, 9, 0));
        Assert.Equal((DutyRole.PublicSecurityChief, "杨海涛"), (next.Role, next.Name));
        Assert.Equal(At(2026, 1, 19, 9, 0), next.To);
    }

    [Fact]
    public void Rota_CoversTheIntervalWithContiguousShifts()
    {
        var shifts = TestCity.Model.Rota("tc-a", At(2026, 1, 1, 0, 0), At(2026, 1, 3, 8, 30));

        Assert.Equal([DutyRole.JusticeDirector, DutyRole.PublicSecurityChief, DutyRole.CourtPresident], shifts.Select(s => s.Role));
        Assert.Equal(At(2025, 12, 31, 8, 30), shifts[0].From);
        Assert.Equal(At(2026, 1, 3, 8, 30), shifts[^1].To);
        Assert.All(shifts.Zip(shifts.Skip(1)), p => Assert.Equal(p.First.To, p.Second.From));
    }

    [Fact]
    public void Rota_EmptyOrReversedInterval()
    {
        var at = At(2026, 1, 1, 0, 0);

        Assert.Empty(TestCity.Model.Rota("tc-a", at, at));
        Assert.Throws<ArgumentException>(() => TestCity.Model.Rota("tc-a", at, at - Duration.FromSeconds(1)));
    }

    [Fact]
    public void Rota_TooLong_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestCity.Model.Rota("tc-a", At(2026, 1, 1), At(2056, 1, 1)));

    [Fact]
    public void OnDutyAt_NotACounty_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => TestCity.Model.OnDutyAt("tc-a-t1", At(2026, 1, 1)));
}
