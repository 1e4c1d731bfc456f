namespace Dispatch.Silo.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SqliteSiloCollection : ICollectionFixture<SqliteSiloFixture>
{
    public const string Name = "Silo on SQLite";
}
