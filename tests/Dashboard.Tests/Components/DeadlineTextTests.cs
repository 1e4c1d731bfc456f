using Dispatch.Dashboard.Components;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>A whistle's custom deadline typed in Chinese units becomes the API's ISO-8601 duration; other text goes through.</summary>
public sealed class DeadlineTextTests
{
    [Theory]
    [InlineData("30分钟", "PT30M")]
    [InlineData("30分", "PT30M")]
    [InlineData(" 2小时 ", "PT2H")]
    [InlineData("1小时30分", "PT1H30M")]
    [InlineData("1天", "PT24H")]
    [InlineData("90秒", "PT1M30S")]
    [InlineData("45", "PT45M")]
    [InlineData("0秒", "PT0S")]
    public void ChineseUnits_BecomeIso(string typed, string iso) => Assert.Equal(iso, DeadlineText.ToIso(typed));

    [Theory]
    [InlineData("PT30M", "PT30M")]
    [InlineData("半小时", "半小时")]
    [InlineData("30分钟后", "30分钟后")]
    [InlineData("-5分", "-5分")]
    public void OtherText_GoesThroughForTheApiToCheck(string typed, string sent) => Assert.Equal(sent, DeadlineText.ToIso(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_IsNoOverride(string? typed) => Assert.Null(DeadlineText.ToIso(typed));
}
