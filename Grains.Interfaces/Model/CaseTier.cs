namespace Dispatch.Grains.Interfaces.Model;

/// <summary>
/// The dispute tier set at triage; it fixes the case deadline (Bazhong policy, see DOMAIN.md).
/// </summary>
public enum CaseTier
{
    /// <summary>Policy consultation 政策咨询: answered on the spot (same working day).</summary>
    Consultation,

    /// <summary>Simple dispute 简易纠纷: closed the same working day.</summary>
    Simple,

    /// <summary>General dispute 一般纠纷: handled within 5 working days.</summary>
    General,

    /// <summary>Complex dispute 复杂纠纷: closed within two calendar months.</summary>
    Complex,

    /// <summary>Major dispute 重大纠纷: a leader takes the case (领导包案); no computed deadline.</summary>
    Major,
}
