namespace Dispatch.LoadTests.Scenario;

/// <summary>The store a silo started by the simulator runs on.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
