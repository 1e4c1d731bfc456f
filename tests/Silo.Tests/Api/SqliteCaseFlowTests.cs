using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Api;

[Collection(SqliteSiloCollection.Name)]
public sealed class SqliteCaseFlowTests(SqliteSiloFixture fixture) : CaseFlowTests(fixture.Host);
