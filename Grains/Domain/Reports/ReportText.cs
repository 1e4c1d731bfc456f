using System.Globalization;
using System.Text;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Reports;

/// <summary>How reports write values for people, in Chinese: percentages, spans, dates, and the names of enums.</summary>
public static class ReportText
{
    /// <summary>Shown for a missing value (no data).</summary>
    public const string None = "—";

    /// <summary>A rate 0..1 as a percentage with one decimal ("93.6%"), or <see cref="None"/>.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    /// <summary>A mean satisfaction with two decimals ("4.33"), or <see cref="None"/>.</summary>
    public static string Score(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : None;

    /// <summary>
    /// A span in days, hours, minutes and seconds, its two largest units that are not zero ("1天2小时", "1小时30分钟",
    /// "13分钟", "45秒"); "0秒" for zero; <see cref="None"/> for null. Sub-second parts are dropped.
    /// </summary>
    public static string Span(Duration? span)
    {
        if (span is not { } d) return None;
        var seconds = (long)Math.Floor(d.TotalSeconds);
        if (seconds <= 0) return "0秒";
        (long Value, string Unit)[] parts = [(seconds / 86400, "天"), (seconds / 3600 % 24, "小时"), (seconds / 60 % 60, "分钟"), (seconds % 60, "秒")];
        var text = new StringBuilder();
        var shown = 0;
        foreach (var (value, unit) in parts)
        {
            if (shown == 2) break;
            if (value == 0)
            {
                if (shown > 0) break;
                continue;
            }
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            shown++;
        }
        return text.ToString();
    }

    /// <summary>A local date as "2026年11月23日".</summary>
    public static string Date(LocalDate date) => date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);

    /// <summary>An instant as Asia/Shanghai local time "2026-11-23 09:00".</summary>
    public static string Time(Instant instant) =>
        LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Format(instant.InZone(ChinaTime.Zone).LocalDateTime);

    /// <summary>The Chinese name of a category (邻里纠纷, 欠薪, …).</summary>
    public static string Category(Category category) => category switch
    {
        Interfaces.Model.Category.NeighbourDispute => "邻里纠纷",
        Interfaces.Model.Category.LandHomestead => "土地宅基地纠纷",
        Interfaces.Model.Category.WageArrears => "欠薪",
        Interfaces.Model.Category.PropertyManagement => "物业纠纷",
        Interfaces.Model.Category.HousingDelivery => "房屋交付纠纷",
        Interfaces.Model.Category.Labour => "劳动争议",
        Interfaces.Model.Category.MarriageFamily => "婚姻家庭纠纷",
        Interfaces.Model.Category.TrafficAccident => "交通事故纠纷",
        Interfaces.Model.Category.MedicalDispute => "医疗纠纷",
        Interfaces.Model.Category.SafetyHazard => "安全隐患",
        Interfaces.Model.Category.PublicSecurity => "治安",
        Interfaces.Model.Category.Petition => "信访",
        Interfaces.Model.Category.Consultation => "政策咨询",
        _ => "其他",
    };

    /// <summary>The Chinese name of a tier (政策咨询, 简易, 一般, 复杂, 重大), or <see cref="None"/>.</summary>
    public static string Tier(CaseTier? tier) => tier switch
    {
        CaseTier.Consultation => "政策咨询",
        CaseTier.Simple => "简易",
        CaseTier.General => "一般",
        CaseTier.Complex => "复杂",
        CaseTier.Major => "重大",
        _ => None,
    };

    /// <summary>The Chinese name of a risk colour (蓝, 橙, 红), or <see cref="None"/>.</summary>
    public static string Risk(RiskColour? risk) => risk switch
    {
        RiskColour.Blue => "蓝",
        RiskColour.Orange => "橙",
        RiskColour.Red => "红",
        _ => None,
    };
}
