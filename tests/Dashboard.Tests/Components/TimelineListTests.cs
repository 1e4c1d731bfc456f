using System.Text.RegularExpressions;
using Bunit;
using Dispatch.Dashboard.Components;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>The timeline is written from the entries' data, in the page's language, with names and local times.</summary>
public sealed partial class TimelineListTests
{
    // 2026-11-29 10:39:05 UTC is 18:39 in Asia/Shanghai.
    private static readonly Instant Due = Instant.FromUtc(2026, 11, 29, 10, 39, 5);
    private static readonly Actor Commissioner = new(Actor.Commissioner, "tc-a-t1", "东街道政法委员");

    private static readonly TimelineEntry[] Entries =
    [
        TimelineEntry.By(Due - Duration.FromMinutes(20), "whistled", Commissioner, null)
            with { DepartmentIds = ["tc-a-t1-pol", "tc-a-t1-jud"], SummonsIds = ["S1", "S2"] },
        TimelineEntry.By(Due, "escalated", Actor.Engine, null) with
        {
            Reason = "ack", Step = TimelineEntry.Summoned, DueAt = Due, DepartmentIds = ["tc-a-t1-pol", "tc-a-psb"], SummonsIds = ["S1", "S3"],
        },
        TimelineEntry.By(Due, "escalated", Actor.Engine, null) with { Reason = "ack", Step = TimelineEntry.LeaderTakes, DueAt = Due, DepartmentIds = ["tc-psb"] },
        TimelineEntry.By(Due, "leaderTookCase", Actor.Engine, null) with
        {
            Reason = "ack", LeaderRole = "publicSecurityChief", LeaderName = "张志强", CenterIds = ["tc-a"],
        },
        TimelineEntry.By(Due, "escalated", new Actor(Actor.DutyLeader, "tc-a", "甲区值班领导"), "群众情绪激动") with
        {
            Reason = "manual", Step = TimelineEntry.MovedUp, CenterIds = ["tc-a-t1", "tc-a"],
        },
    ];

    [Fact]
    public void Chinese_NamesRoleTitlesLocalTimes_NoEngineEnglish()
    {
        var text = Rendered("zh-CN", Entries);

        Assert.Contains("召集 东街派出所、", text, StringComparison.Ordinal);
        Assert.Contains("东街派出所 未在 11-29 18:39 前签收；已召集上级 甲区公安局", text, StringComparison.Ordinal);
        Assert.Contains("甲区值班：公安局长 张志强；原因：最高一级未按时签收", text, StringComparison.Ordinal);
        Assert.Contains("由 东街道 移交 甲区", text, StringComparison.Ordinal);
        Assert.Contains("“群众情绪激动”", text, StringComparison.Ordinal);
        Assert.Contains("东街道 · 政法委员", text, StringComparison.Ordinal);
        Assert.DoesNotContain("publicSecurityChief", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10:39", text, StringComparison.Ordinal);
        Assert.Empty(Latin().Matches(text));
    }

    [Fact]
    public void English_SameDataInEnglish()
    {
        var text = Rendered("en", Entries);

        Assert.Contains("东街派出所 had not acknowledged by 11-29 18:39; 甲区公安局 one level up was summoned", text, StringComparison.Ordinal);
        Assert.Contains("top of the ladder: the duty leader takes the case", text, StringComparison.Ordinal);
        Assert.Contains("Public security chief", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Chinese_GridWorkersNoteAttachmentAndLink_AreNamedAndTitled()
    {
        var worker = new Actor(Actor.GridWorker, "tc-a-t1-g1", "王五");
        TimelineEntry[] entries =
        [
            TimelineEntry.By(Due, "note", worker, "物业未处理"),
            TimelineEntry.By(Due, "attached", worker, null) with { Attachment = 1 },
            TimelineEntry.By(Due, "linked", Commissioner, null) with { LinkedCase = "C-20261129-000001" },
        ];

        var text = Rendered("zh-CN", entries);

        Assert.Contains("东一社区第1网格 · 网格员 王五", text, StringComparison.Ordinal);
        Assert.Contains("备注", text, StringComparison.Ordinal);
        Assert.Contains("上传附件", text, StringComparison.Ordinal);
        Assert.Contains("关联重复件", text, StringComparison.Ordinal);
        Assert.DoesNotContain("gridWorker", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredBeforeData_NoteIdsBecomeNames()
    {
        TimelineEntry[] old = [new(Due, "whistled", "commissioner:tc-a-t1", "summoned tc-a-t1-pol")];

        var text = Rendered("zh-CN", old);

        Assert.Contains("吹哨", text, StringComparison.Ordinal);
        Assert.Contains("东街道 · 政法委员", text, StringComparison.Ordinal);
        Assert.Contains("summoned 东街派出所", text, StringComparison.Ordinal);
    }

    private static string Rendered(string culture, TimelineEntry[] entries)
    {
        using var context = new ComponentContext(culture);
        return context.Render<TimelineList>(p => p.Add(x => x.Entries, entries)).Find("ol").TextContent;
    }

    /// <summary>Latin-script words of two letters or more.</summary>
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
