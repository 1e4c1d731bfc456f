using Dispatch.Runtime.Storage.AdoNet;

namespace Dispatch.Runtime.Tests.Storage;

/// <summary>The store conformance suite on PostgreSQL (DISPATCH_TEST_PG's server, or a throwaway one).</summary>
public sealed class PostgresStoreTests(PostgresStoreFixture fixture) : StoreConformanceTests(fixture), IClassFixture<PostgresStoreFixture>
{
    protected override StoreOptions UnreachableOptions =>
        StoreOptions.Postgres("Host=127.0.0.1;Port=1;Database=dispatch;Username=postgres;Password=secret;Timeout=5");

    protected override string UnreachableDescription => "PostgreSQL 127.0.0.1:1/dispatch";
}
