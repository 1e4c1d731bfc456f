namespace Dispatch.Grains.Interfaces.Model;

/// <summary>The category of a case (the first of the "three fixes", 定类别); it drives routing.</summary>
public enum Category
{
    /// <summary>Neighbour dispute 邻里纠纷.</summary>
    NeighbourDispute,

    /// <summary>Land and homestead dispute 土地宅基地纠纷.</summary>
    LandHomestead,

    /// <summary>Wage arrears 欠薪.</summary>
    WageArrears,

    /// <summary>Property management dispute 物业纠纷.</summary>
    PropertyManagement,

    /// <summary>Housing delivery dispute 房屋交付纠纷.</summary>
    HousingDelivery,

    /// <summary>Labour dispute 劳动争议.</summary>
    Labour,

    /// <summary>Marriage and family dispute 婚姻家庭纠纷.</summary>
    MarriageFamily,

    /// <summary>Traffic accident dispute 交通事故纠纷.</summary>
    TrafficAccident,

    /// <summary>Medical dispute 医疗纠纷.</summary>
    MedicalDispute,

    /// <summary>Safety hazard 安全隐患.</summary>
    SafetyHazard,

    /// <summary>Public security 治安.</summary>
    PublicSecurity,

    /// <summary>Petition 信访.</summary>
    Petition,

    /// <summary>Policy or legal consultation 政策咨询.</summary>
    Consultation,

    /// <summary>Anything else.</summary>
    Other,
}
