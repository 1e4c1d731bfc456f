namespace Dispatch.LoadTests.Scenario;

/// <summary>What goes wrong on purpose during the surge.</summary>
public enum ChaosMode
{
    None,

    /// <summary>kill -9 the silo mid-surge, then start it again on the same store.</summary>
    Kill,
}
