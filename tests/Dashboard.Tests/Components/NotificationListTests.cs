using System.Text.RegularExpressions;
using Bunit;
using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Services;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>The case page's notification list: who was told what, how, and whether it arrived, in the page's language.</summary>
public sealed partial class NotificationListTests
{
    // 02:00 UTC is 10:00 in Asia/Shanghai.
    private static readonly Instant At = Instant.FromUtc(2026, 11, 30, 2, 0);

    private static readonly NotificationLine[] Lines =
    [
        new("summons.issued", "tc-a-t1-pol", "sms", "delivered", 1, null, At, At + Duration.FromSeconds(3)),
        new("summons.reminder", "tc-a-t1-pol", "webhook", "pending", 2, "503 Service Unavailable", At + Duration.FromMinutes(5), null),
        new("summons.escalated", "tc-a", "email", "failed", 9, "connection refused", At + Duration.FromMinutes(15), null),
    ];

    [Fact]
    public void Chinese_NamesEventsChannelsStatesAndLocalTimes()
    {
        using var context = new ComponentContext("zh-CN");

        var table = context.Render<NotificationList>(p => p.Add(x => x.Lines, Lines)).Find("table");
        var rows = table.QuerySelectorAll("tbody tr");

        Assert.Equal(3, rows.Length);
        Assert.Equal(["delivered", "pending", "failed"], rows.Select(r => r.GetAttribute("data-state")));
        var first = rows[0].TextContent;
        Assert.Contains("11-30 10:00", first, StringComparison.Ordinal);
        Assert.Contains("哨令下达", first, StringComparison.Ordinal);
        Assert.Contains("东街派出所", first, StringComparison.Ordinal);
        Assert.Contains("短信", first, StringComparison.Ordinal);
        Assert.Contains("已送达", first, StringComparison.Ordinal);
        Assert.Contains("已尝试 2 次", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("甲区", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("发送失败", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Empty(Latin().Matches(table.TextContent));
    }

    [Fact]
    public void NoLines_SaysSo()
    {
        using var context = new ComponentContext("en");

        var text = context.Render<NotificationList>(p => p.Add(x => x.Lines, Array.Empty<NotificationLine>())).Markup;

        Assert.Contains("No notifications sent", text, StringComparison.Ordinal);
    }

    /// <summary>Latin-script words of two letters or more.</summary>
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
