namespace Dispatch.Dashboard.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in Chromium";
}
