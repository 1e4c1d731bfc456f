using Dispatch.Grains.Domain.Identifiers;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Identifiers;

public sealed class IdsTests
{
    [Theory]
    [InlineData("bt-kdl-t03-pol", true)]
    [InlineData("C-20261122-000123.S2", true)]
    [InlineData("a_b.C", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("has space", false)]
    [InlineData("slash/id", false)]
    [InlineData("中文", false)]
    [InlineData("semi;colon", false)]
    public void IsValid_Characters(string? id, bool expected) => Assert.Equal(expected, Ids.IsValid(id));

    [Fact]
    public void IsValid_LengthLimit()
    {
        Assert.True(Ids.IsValid(new string('a', 64)));
        Assert.False(Ids.IsValid(new string('a', 65)));
    }

    [Fact]
    public void SummonsId_Create_AppendsNumber() =>
        Assert.Equal("C-20261122-000123.S2", SummonsId.Create("C-20261122-000123", 2));

    [Fact]
    public void SummonsId_TryParse_RoundTrips()
    {
        Assert.True(SummonsId.TryParse(SummonsId.Create("C-20261122-000123", 17), out var caseId, out var n));
        Assert.Equal("C-20261122-000123", caseId);
        Assert.Equal(17, n);
    }

    [Fact]
    public void SummonsId_TryParse_UsesLastSeparator()
    {
        Assert.True(SummonsId.TryParse("odd.S5.S3", out var caseId, out var n));
        Assert.Equal(("odd.S5", 3), (caseId, n));
    }

    [Theory]
    [InlineData("C-20261122-000123")]
    [InlineData("C-20261122-000123.S")]
    [InlineData("C-20261122-000123.S0")]
    [InlineData("C-20261122-000123.S01")]
    [InlineData("C-20261122-000123.Sx")]
    [InlineData(".S1")]
    [InlineData("bad id.S1")]
    [InlineData(null)]
    public void SummonsId_TryParse_Rejects(string? id) => Assert.False(SummonsId.TryParse(id, out _, out _));

    [Fact]
    public void SummonsId_Create_RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => SummonsId.Create("bad id", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SummonsId.Create("C-1", 0));
        Assert.Throws<ArgumentException>(() => SummonsId.Create(new string('c', 62), 1));
    }

    [Fact]
    public void CaseId_Create_FormatsDateAndSequence()
    {
        Assert.Equal("C-20261122-000123", CaseId.Create(new LocalDate(2026, 11, 22), 123));
        Assert.Equal("C-20260101-1234567", CaseId.Create(new LocalDate(2026, 1, 1), 1234567));
    }

    [Fact]
    public void CaseId_TryParse_RoundTripsAndRejectsNonCanonical()
    {
        Assert.True(CaseId.TryParse("C-20261122-000123", out var date, out var seq));
        Assert.Equal((new LocalDate(2026, 11, 22), 123L), (date, seq));
        Assert.False(CaseId.TryParse("C-20261122-0000123", out _, out _));
        Assert.False(CaseId.TryParse("C-20260230-000001", out _, out _));
        Assert.False(CaseId.TryParse("C-20261122-000000", out _, out _));
        Assert.False(CaseId.TryParse("X-20261122-000001", out _, out _));
    }
}
