using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Api;

[Collection(PostgresSiloCollection.Name)]
public sealed class PostgresCaseFlowTests(PostgresSiloFixture fixture) : CaseFlowTests(fixture.Host);
