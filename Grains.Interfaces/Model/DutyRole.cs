namespace Dispatch.Grains.Interfaces.Model;

/// <summary>The "four chiefs" (四长) who take turns on duty at a county center.</summary>
public enum DutyRole
{
    /// <summary>Public security bureau chief 公安局长.</summary>
    PublicSecurityChief,

    /// <summary>Court president 法院院长.</summary>
    CourtPresident,

    /// <summary>Chief procurator 检察长.</summary>
    ChiefProcurator,

    /// <summary>Justice bureau director 司法局长.</summary>
    JusticeDirector,
}
