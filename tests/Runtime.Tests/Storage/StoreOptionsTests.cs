using Dispatch.Runtime.Storage;
using Dispatch.Runtime.Storage.AdoNet;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Runtime.Tests.Storage;

public sealed class StoreOptionsTests
{
    [Fact]
    public void Create_UnknownProvider_ThrowsNamingTheProvider()
    {
        var error = Assert.Throws<ArgumentException>(() => AdoNetStore.Create(new StoreOptions { Provider = "oracle", ConnectionString = "x" }));

        Assert.Contains("'oracle'", error.Message);
    }

    [Fact]
    public void Create_EmptyConnectionString_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AdoNetStore.Create(StoreOptions.Postgres(" ")));

        Assert.Contains("connection string", error.Message);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    public void Create_PostgresWithPassword_DescriptionAndOptionsTextOmitIt(string provider)
    {
        var options = new StoreOptions { Provider = provider, ConnectionString = "Host=db.internal;Port=6432;Database=dispatch;Username=app;Password=hunter2" };

        using var store = AdoNetStore.Create(options);

        Assert.Equal("PostgreSQL db.internal:6432/dispatch", store.Description);
        Assert.DoesNotContain("hunter2", options.ToString());
        Assert.DoesNotContain("hunter2", store.ToString());
    }

    [Fact]
    public void Create_PostgresWithoutHost_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AdoNetStore.Create(StoreOptions.Postgres("Database=dispatch")));

        Assert.Contains("Host", error.Message);
    }

    [Fact]
    public async Task AddAdoNetStore_Services_ResolvesOneInstanceForEverySeam()
    {
        var services = new ServiceCollection().AddAdoNetStore(StoreOptions.Sqlite(Testing.TestDatabases.NewSqliteFile()));
        await using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredService<IGrainStorage>();

        Assert.IsType<AdoNetStore>(storage);
        Assert.Same(storage, provider.GetRequiredService<IReminderTable>());
        Assert.Same(storage, provider.GetRequiredService<IStoreLifecycle>());
    }

    [Fact]
    public void AddAdoNetStore_UnknownProvider_ThrowsAtRegistration()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAdoNetStore(new StoreOptions { Provider = "mysql", ConnectionString = "x" }));
    }
}
