namespace Dispatch.Grains.Interfaces.Model;

/// <summary>How a department is staffed at its governance center.</summary>
public enum Staffing
{
    /// <summary>Resident 常驻: staff sit in the center every working day.</summary>
    Resident,

    /// <summary>Rotating 轮驻: staff take turns sitting in the center on a schedule.</summary>
    Rotating,

    /// <summary>On call 随叫随驻: staff come to the center when summoned.</summary>
    OnCall,
}
