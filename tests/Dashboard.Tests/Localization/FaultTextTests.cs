using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Localization;
using Dispatch.Dashboard.Services;
using Dispatch.Dashboard.Tests.Components;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Interfaces.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Localization;

/// <summary>Failures are rendered from their codes in the UI's language; every code has a Chinese and an English text.</summary>
public sealed partial class FaultTextTests
{
    private static readonly ResourceManager Resources = new(typeof(Strings));

    /// <summary>The codes with a text of their own (all but the API's free text).</summary>
    public static TheoryData<string> Codes() => [.. FaultCatalog.Codes.Where(c => c != FaultCatalog.TextCode).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasChineseAndEnglishText_UsingOnlyTheCodesArguments(string code)
    {
        var allowed = FaultCatalog.Arguments(code);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("en") })
        {
            // Only the culture's own file: no fallback from English to the Chinese default.
            var text = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.GetString($"Fault_{code}");
            Assert.False(string.IsNullOrWhiteSpace(text), $"Fault_{code} is missing in the {culture.Name} resources");
            Assert.Empty(Placeholders(text).Except(allowed));
        }
    }

    [Fact]
    public void ChineseTexts_AreChinese_EnglishTextsAreNot()
    {
        var zh = Resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        var en = Resources.GetResourceSet(new CultureInfo("en"), true, false)!;
        foreach (var code in Codes())
        {
            Assert.Matches(Han(), zh.GetString($"Fault_{code}")!);
            Assert.DoesNotMatch(Han(), en.GetString($"Fault_{code}")!);
        }
    }

    [Fact]
    public void Chinese_FieldFault_NamesTheFormLabel_NoEnglish()
    {
        var text = Explain("zh-CN", Invalid(("summary", Fault.Of("requiredText"))));

        Assert.Equal("事件描述：必填，不能为空。", text);
    }

    [Fact]
    public void Chinese_SeveralFieldFaults_EachWithLabelAndArguments()
    {
        var text = Explain("zh-CN", Invalid(
            ("ackWithin", Fault.Of("notDuration")),
            ("note", Fault.Of("tooLong", ("max", 4000), ("given", 4001))),
            ("departmentIds[1]", Fault.Of("noDepartment", ("department", "nope")))));

        Assert.Equal("签收时限：看不懂这个时长，请填写如 30分钟、2小时、1小时30分，或只填分钟数。 备注：最多 4000 个字（已填 4001 个）。 部门：没有部门“nope”。", text);
    }

    [Fact]
    public void Chinese_StateConflicts_UseTheStateLabels()
    {
        Assert.Equal("案件已结案，不能再升级。",
            Explain("zh-CN", Conflict(Fault.Of("escalateNotOpen", ("case", "A-1"), ("state", CaseState.Closed)))));
        Assert.Equal("案件当前已结案，不能转为已定级。",
            Explain("zh-CN", Conflict(Fault.Of("caseTransition", ("from", CaseState.Closed), ("to", CaseState.Triaged), ("message", "Cannot triage…")))));
        Assert.Equal("召集单 A-1-S1 当前待签收；须先签收或报到才能反馈。",
            Explain("zh-CN", Conflict(Fault.Of("feedbackNeedsAck", ("summons", "A-1-S1"), ("state", SummonsState.Issued)))));
    }

    [Fact]
    public void Chinese_IdsBecomeNames_InstantsChinaTime()
    {
        var ladder = Explain("zh-CN", Conflict(Fault.Of("topOfLadder", ("case", "A-1"), ("center", "tc-a"))));
        var taken = Explain("zh-CN", Conflict(Fault.Of("takenOnce", ("case", "A-1"), ("leader", "张志强"), ("at", Instant.FromUtc(2026, 11, 29, 10, 39)))));
        var differ = Explain("zh-CN", Conflict(Fault.Of("openSummonsDiffer", ("summonses", "A-1-S1 (tc-a-t1-pol)"), ("departments", "tc-a-t1-pol,tc-a-t1-jud"))));
        var colour = Explain("zh-CN", Invalid(("arriveWithin", Fault.Of("arriveBeforeColourAck",
            ("arriveAt", Instant.FromUtc(2026, 3, 6, 1, 5)), ("colour", RiskColour.Red), ("ackAt", Instant.FromUtc(2026, 3, 6, 1, 30))))));

        Assert.Equal($"案件已在{ComponentContext.City.CenterName("tc-a")}，已是最高一级，不能再升级。", ladder);
        Assert.Equal("案件已由张志强于 2026-11-29 18:39 包案；一个案件只包案一次。", taken);
        Assert.StartsWith($"{ComponentContext.City.DepartmentName("tc-a-t1-pol")}、{ComponentContext.City.DepartmentName("tc-a-t1-jud")}已有在办召集", differ);
        Assert.Contains("2026-03-06 09:05", colour);
        Assert.Contains("2026-03-06 09:30", colour);
        foreach (var text in new[] { ladder, taken, differ })
            Assert.DoesNotMatch(Latin(), text);
    }

    [Fact]
    public void English_RendersFromTheEnglishTexts()
    {
        Assert.Equal("What happened: Required, and must not be empty.", Explain("en", Invalid(("summary", Fault.Of("requiredText")))));
        Assert.Equal("The case is Closed; only an open case escalates.",
            Explain("en", Conflict(Fault.Of("escalateNotOpen", ("case", "A-1"), ("state", CaseState.Closed)))));
    }

    [Fact]
    public void UnknownCodeOrNoFault_FallsBackToPrefixAndTheServersEnglish()
    {
        var free = Invalid(("to", Fault.Text("Must not be earlier than from.")));
        var unknown = new DashboardResult<string>(Outcome.Conflict, null, "Something new.") { Fault = Fault.Of("brandNewCode") };
        var none = new DashboardResult<string>(Outcome.NotFound, null, "No such thing.");

        Assert.Equal("输入有误。 to: Must not be earlier than from.", Explain("zh-CN", free));
        Assert.Equal("当前状态不允许。 Something new.", Explain("zh-CN", unknown));
        Assert.Equal("未找到。 No such thing.", Explain("zh-CN", none));
    }

    [Fact]
    public void StatsQueryField_RenderedOrFallsBack()
    {
        using var context = new ComponentContext("zh-CN");
        var faults = new FaultText(context.Services.GetRequiredService<IStringLocalizer<Strings>>(), ComponentContext.City);

        Assert.Equal("周期：“fortnight”不是有效周期，请选择日、周、月或季。", faults.Invalid("period", Fault.Of("notPeriod", ("period", "fortnight"))));
        Assert.Equal("输入有误。 lang: lang is zh.", faults.Invalid("lang", Fault.Text("lang is zh.")));
    }

    private static string Explain(string culture, DashboardResult<string> result)
    {
        using var context = new ComponentContext(culture);
        return new FaultText(context.Services.GetRequiredService<IStringLocalizer<Strings>>(), ComponentContext.City).Explain(result);
    }

    private static DashboardResult<string> Invalid(params (string Field, Fault Fault)[] faults) =>
        new(Outcome.Invalid, null, string.Join(" ", faults.Select(f => $"{f.Field}: {f.Fault.English}")))
        {
            Faults = faults.Select(f => new FieldFault(f.Field, f.Fault)).ToList(),
        };

    private static DashboardResult<string> Conflict(Fault fault) => DashboardResult<string>.Failed(Outcome.Conflict, fault);

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
