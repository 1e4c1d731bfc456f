namespace Dispatch.Grains.Interfaces.Model;

/// <summary>The channel through which a case reached the center.</summary>
public enum CaseSource
{
    /// <summary>Reported from the field by a grid worker or building head (一端上报).</summary>
    Grid,

    /// <summary>Brought by a resident to the center's service window (只进一扇门).</summary>
    Window,

    /// <summary>Received by the hotline.</summary>
    Hotline,

    /// <summary>Submitted online.</summary>
    Online,

    /// <summary>Referred by a court for pre-litigation mediation (诉前调解).</summary>
    CourtReferral,

    /// <summary>A petition (信访), including petition-proxy items.</summary>
    Petition,
}
