namespace Dispatch.Silo.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PostgresSiloCollection : ICollectionFixture<PostgresSiloFixture>
{
    public const string Name = "Silo on PostgreSQL";
}
