namespace Dispatch.LoadTests.Scenario;

/// <summary>What goes wrong on purpose during the surge.</summary>
public enum ChaosMode
{
    None,

    /// <summary>
    /// kill -9 a silo mid-surge (of several, the last: the others take over its cases), then start it again on the same store.
    /// </summary>
    Kill,
}
