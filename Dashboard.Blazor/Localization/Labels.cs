using Dispatch.Grains.Interfaces.Model;
using Microsoft.Extensions.Localization;

namespace Dispatch.Dashboard.Localization;

/// <summary>Display names of the domain's enums and codes, from the resource files.</summary>
public static class Labels
{
    public static string Of(this IStringLocalizer<Strings> l, Category value) => l[$"Category_{value}"];

    public static string Of(this IStringLocalizer<Strings> l, CaseTier value) => l[$"Tier_{value}"];

    public static string Of(this IStringLocalizer<Strings> l, RiskColour value) => l[$"Risk_{value}"];

    public static string Of(this IStringLocalizer<Strings> l, CaseState value) => l[$"CaseState_{value}"];

    public static string Of(this IStringLocalizer<Strings> l, SummonsState value) => l[$"SummonsState_{value}"];

    public static string Of(this IStringLocalizer<Strings> l, CaseSource value) => l[$"Source_{value}"];

    public static string Of(this IStringLocalizer<Strings> l, CenterLevel value) => l[$"Level_{value}"];

    public static string Of(this IStringLocalizer<Strings> l, DutyRole value) => l[$"DutyRole_{value}"];

    /// <summary>A role of the API's role table (commissioner, department, dutyLeader, admin, system).</summary>
    public static string Role(this IStringLocalizer<Strings> l, string role) => Lookup(l, $"Role_{role}", role);

    /// <summary>A timeline entry's kind (reported, whistled, acknowledged, escalated…).</summary>
    public static string TimelineKind(this IStringLocalizer<Strings> l, string kind) => Lookup(l, $"Timeline_{kind}", kind);

    /// <summary>An escalation's kind (ack, arrive, tier, triage, manual, leader).</summary>
    public static string EscalationKind(this IStringLocalizer<Strings> l, string kind) => Lookup(l, $"Escalation_{kind}", kind);

    /// <summary>
    /// A role's title: a duty leader's rota role (publicSecurityChief → 公安局长) or a role of the API's role table.
    /// </summary>
    public static string RoleTitle(this IStringLocalizer<Strings> l, string role) =>
        Enum.TryParse<DutyRole>(role, ignoreCase: true, out var duty) && Enum.IsDefined(duty) && !char.IsAsciiDigit(role[0])
            ? l.Of(duty)
            : l.Role(role);

    /// <summary>A text by key, or <paramref name="fallback"/> when the resources have none.</summary>
    public static string Lookup(this IStringLocalizer<Strings> l, string key, string fallback)
    {
        var text = l[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
