namespace Dispatch.Grains.Interfaces.Model;

/// <summary>
/// The known department kinds, as the camelCase strings used in JSON and city files.
/// Kinds are strings rather than an enum so that a city file can declare extra kinds
/// (its <c>extraDepartmentKinds</c>); every extra kind must be <see cref="IsWellFormed">well formed</see>.
/// </summary>
public static class DepartmentKinds
{
    /// <summary>Police station 派出所 (township).</summary>
    public const string PoliceStation = "policeStation";

    /// <summary>Public security bureau 公安局 (county, city).</summary>
    public const string PublicSecurityBureau = "publicSecurityBureau";

    /// <summary>Judicial office 司法所 (township).</summary>
    public const string JudicialOffice = "judicialOffice";

    /// <summary>Justice bureau 司法局 (county, city).</summary>
    public const string JusticeBureau = "justiceBureau";

    /// <summary>People's tribunal 人民法庭 (township; a branch of the county court).</summary>
    public const string Tribunal = "tribunal";

    /// <summary>Court 法院 (county, city).</summary>
    public const string Court = "court";

    /// <summary>Procuratorate 检察院 (county, city).</summary>
    public const string Procuratorate = "procuratorate";

    /// <summary>Petition office 信访局.</summary>
    public const string PetitionOffice = "petitionOffice";

    /// <summary>Human resources and social security 人社 (wage arrears, labour).</summary>
    public const string HumanResources = "humanResources";

    /// <summary>Housing and construction 住建.</summary>
    public const string Housing = "housing";

    /// <summary>Civil affairs 民政.</summary>
    public const string CivilAffairs = "civilAffairs";

    /// <summary>Market regulation 市场监管.</summary>
    public const string MarketRegulation = "marketRegulation";

    /// <summary>Urban management 城管.</summary>
    public const string UrbanManagement = "urbanManagement";

    /// <summary>Land management office 土地管理所 (township).</summary>
    public const string LandManagement = "landManagement";

    /// <summary>Natural resources bureau 自然资源局 (county, city).</summary>
    public const string NaturalResources = "naturalResources";

    /// <summary>Health commission 卫生健康委员会 (medical disputes).</summary>
    public const string HealthCommission = "healthCommission";

    /// <summary>People's mediation committee 人民调解委员会 (general).</summary>
    public const string MediationCommittee = "mediationCommittee";

    /// <summary>Medical dispute mediation committee 医疗纠纷人民调解委员会.</summary>
    public const string MedicalMediation = "medicalMediation";

    /// <summary>Traffic accident mediation committee 道路交通事故纠纷人民调解委员会.</summary>
    public const string TrafficMediation = "trafficMediation";

    /// <summary>Labour dispute mediation committee 劳动争议人民调解委员会.</summary>
    public const string LabourMediation = "labourMediation";

    /// <summary>Marriage and family mediation committee 婚姻家庭纠纷人民调解委员会.</summary>
    public const string FamilyMediation = "familyMediation";

    /// <summary>Property dispute mediation committee 物业纠纷人民调解委员会.</summary>
    public const string PropertyMediation = "propertyMediation";

    /// <summary>Law firm 律师事务所.</summary>
    public const string LawFirm = "lawFirm";

    /// <summary>Legal service office or public legal service center 法律服务所 / 公共法律服务中心.</summary>
    public const string LegalService = "legalService";

    /// <summary>Psychological counselling 心理咨询.</summary>
    public const string Counselling = "counselling";

    /// <summary>Trade union 工会.</summary>
    public const string TradeUnion = "tradeUnion";

    /// <summary>Communist Youth League 共青团.</summary>
    public const string YouthLeague = "youthLeague";

    /// <summary>Women's federation 妇联.</summary>
    public const string WomensFederation = "womensFederation";

    /// <summary>Every built-in kind, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PoliceStation, PublicSecurityBureau, JudicialOffice, JusticeBureau, Tribunal, Court,
        Procuratorate, PetitionOffice, HumanResources, Housing, CivilAffairs, MarketRegulation,
        UrbanManagement, LandManagement, NaturalResources, HealthCommission, MediationCommittee,
        MedicalMediation, TrafficMediation, LabourMediation, FamilyMediation, PropertyMediation,
        LawFirm, LegalService, Counselling, TradeUnion, YouthLeague, WomensFederation,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>True if <paramref name="kind"/> is a built-in kind (ordinal, case-sensitive).</summary>
    public static bool IsKnown(string? kind) => kind is not null && Known.Contains(kind);

    /// <summary>
    /// True if <paramref name="kind"/> has the shape required of any kind, built-in or extra:
    /// 1 to 40 characters, an ASCII lower-case letter followed by ASCII letters and digits (camelCase).
    /// </summary>
    public static bool IsWellFormed(string? kind)
    {
        if (string.IsNullOrEmpty(kind) || kind.Length > 40 || !char.IsAsciiLetterLower(kind[0]))
        {
            return false;
        }

        foreach (var c in kind)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
