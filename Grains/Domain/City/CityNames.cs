using static Dispatch.Grains.Interfaces.Model.DepartmentKinds;

namespace Dispatch.Grains.Domain.City;

/// <summary>Chinese names for generated townships, villages, departments and chiefs. Invented, not real places or people.</summary>
internal static class CityNames
{
    /// <summary>Two-character place words, combined with a suffix (路街道, 街道, 镇, 苏木, 乡, 社区, 村, 嘎查).</summary>
    public static IReadOnlyList<string> PlaceWords { get; } =
    [
        "少先", "青年", "友谊", "团结", "和平", "幸福", "光明", "前进", "胜利", "建设", "民主", "富强", "文明", "长青",
        "钢城", "昆河", "沼潭", "白云", "黄河", "兴胜", "万青", "北梁", "南海", "东兴", "西河", "河东", "铁西", "新光",
        "自由", "先锋", "红星", "丰收", "金山", "银河", "青松", "翠湖", "东风", "曙光", "朝阳", "向阳", "育才", "工业",
        "新都", "天骄", "鹿城", "草原", "北方", "兴华", "瑞丰", "康宁", "安居", "永丰", "富民", "福兴", "常青", "兴盛",
        "阿尔", "哈业", "沙河", "麻池", "哈林", "乌兰", "巴彦", "达茂", "明安", "百灵", "希拉", "满都", "查干", "巴音",
        "石宝", "银号", "下湿", "怀朔", "金泉", "兴顺", "西斗", "坝梁", "五当", "吉忽", "五一", "大城", "美岱", "将军",
        "沟门", "双龙", "九峰", "阿善", "萨拉", "公益", "明沙", "海子", "红泥", "新建", "团山", "梅力", "赛罕", "呼得",
        "察素", "那日", "宝日", "乌克", "苏吉", "宏图", "腾达", "锦绣", "春光", "秋实", "松石", "柳林", "杨树", "榆树",
        "槐花", "杏花", "桃园", "梨园", "枣园", "葡萄", "稻香", "麦香", "河滨", "湖滨", "山水", "泉水", "井坪", "桥头",
        "新村", "旧城", "北门", "南门", "东门", "西门", "中心", "站前", "民族", "和谐", "振华", "昌盛", "永安", "长安",
    ];

    /// <summary>Surnames for chiefs.</summary>
    public static IReadOnlyList<string> Surnames { get; } =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"];

    /// <summary>Given-name characters for chiefs.</summary>
    public static IReadOnlyList<string> GivenNames { get; } =
        ["建军", "志强", "国栋", "海涛", "晓东", "红梅", "丽华", "玉兰", "永刚", "振华", "文斌", "伟", "敏", "静", "磊", "军", "洋", "勇", "艳", "杰", "斌", "涛", "明", "超", "秀英", "桂英", "德胜", "庆丰", "长青", "卫东"];

    /// <summary>The township suffix for a county of this name: streets in districts, towns and sumu in banners, towns and xiang in counties.</summary>
    public static string TownshipSuffix(string countyName, Random random) => countyName switch
    {
        _ when countyName.EndsWith('旗') => random.NextDouble() < 0.6 ? "镇" : "苏木",
        _ when countyName.EndsWith('县') => random.NextDouble() < 0.7 ? "镇" : "乡",
        _ => random.NextDouble() < 0.8 ? (random.NextDouble() < 0.5 ? "路街道" : "街道") : "镇",
    };

    /// <summary>The village suffix under a township suffix: 社区 under streets, 嘎查 under sumu, 村 otherwise.</summary>
    public static string VillageSuffix(string townshipSuffix) => townshipSuffix switch
    {
        "路街道" or "街道" => "社区",
        "苏木" => "嘎查",
        _ => "村",
    };

    /// <summary>The township name without its administrative suffix (少先路街道 → 少先路), for station names.</summary>
    public static string Short(string townshipName)
    {
        foreach (var suffix in new[] { "街道", "苏木", "镇", "乡" })
        {
            if (townshipName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return townshipName[..^suffix.Length];
            }
        }

        return townshipName;
    }

    /// <summary>A department's name from its kind and center.</summary>
    public static string Department(string kind, string centerName, bool isCity, bool isTownship) => kind switch
    {
        PoliceStation => Short(centerName) + "派出所",
        JudicialOffice => Short(centerName) + "司法所",
        Tribunal => Short(centerName) + "人民法庭",
        LandManagement => Short(centerName) + "土地管理所",
        MediationCommittee => centerName + "人民调解委员会",
        PublicSecurityBureau => centerName + "公安局",
        Court => centerName + (isCity ? "中级人民法院" : "人民法院"),
        Procuratorate => centerName + "人民检察院",
        JusticeBureau => centerName + "司法局",
        PetitionOffice => centerName + "信访局",
        HumanResources => centerName + "人力资源和社会保障局",
        Housing => centerName + "住房和城乡建设局",
        CivilAffairs => centerName + "民政局",
        MarketRegulation => centerName + "市场监督管理局",
        UrbanManagement => centerName + "城市管理综合执法局",
        NaturalResources => centerName + "自然资源局",
        HealthCommission => centerName + "卫生健康委员会",
        MedicalMediation => centerName + "医疗纠纷人民调解委员会",
        TrafficMediation => centerName + "道路交通事故纠纷人民调解委员会",
        LabourMediation => centerName + "劳动争议人民调解委员会",
        FamilyMediation => centerName + "婚姻家庭纠纷人民调解委员会",
        PropertyMediation => centerName + "物业纠纷人民调解委员会",
        LegalService => centerName + (isTownship ? "法律服务所" : "公共法律服务中心"),
        LawFirm => centerName + "驻中心律师工作室",
        Counselling => centerName + "心理服务站",
        TradeUnion => centerName + "总工会",
        YouthLeague => centerName + "团委",
        WomensFederation => centerName + "妇女联合会",
        _ => centerName + kind,
    };

    /// <summary>A short ASCII code for a kind, used in department ids (<c>bt-kdl-t03-pol</c>).</summary>
    public static string Code(string kind) => kind switch
    {
        PoliceStation => "pol",
        PublicSecurityBureau => "psb",
        JudicialOffice => "jud",
        JusticeBureau => "jus",
        Tribunal => "tri",
        Court => "crt",
        Procuratorate => "pro",
        PetitionOffice => "pet",
        HumanResources => "hrs",
        Housing => "hou",
        CivilAffairs => "civ",
        MarketRegulation => "mkt",
        UrbanManagement => "urb",
        LandManagement => "lnd",
        NaturalResources => "nat",
        HealthCommission => "hlt",
        MediationCommittee => "med",
        MedicalMediation => "mmed",
        TrafficMediation => "tmed",
        LabourMediation => "lmed",
        FamilyMediation => "fmed",
        PropertyMediation => "pmed",
        LawFirm => "law",
        LegalService => "lsv",
        Counselling => "csl",
        TradeUnion => "tu",
        YouthLeague => "yl",
        WomensFederation => "wf",
        _ => kind.ToLowerInvariant(),
    };
}
