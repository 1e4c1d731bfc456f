using System.Data;
using System.Data.Common;
using Dispatch.Testing;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Storage.Tests;

/// <summary>Plain SQL against a test store, for checks the providers do not expose.</summary>
public static class Db
{
    public static async Task<object?> ScalarAsync(StoreOptions store, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OrleansSchema.OpenAsync(store, store.Description, CancellationToken.None);
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public static async Task<long> CountAsync(StoreOptions store, string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(store, sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<int> ExecuteAsync(StoreOptions store, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OrleansSchema.OpenAsync(store, store.Description, CancellationToken.None);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> StringsAsync(StoreOptions store, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OrleansSchema.OpenAsync(store, store.Description, CancellationToken.None);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
            result.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return result;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is DateTime)
                parameter.DbType = DbType.DateTime;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>A store and one silo on it, shared by the tests of a class; tests use keys of their own.</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    public StoreOptions Store { get; private set; } = null!;

    public IHost Silo { get; private set; } = null!;

    /// <summary>A new, empty database of this fixture's kind.</summary>
    public abstract Task<StoreOptions> NewStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await NewStoreAsync();
        Silo = await Silos.StartLocalAsync(Store);
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
            await Silos.StopAsync(Silo);
    }
}

public sealed class SqliteFixture : StoreFixture
{
    public override Task<StoreOptions> NewStoreAsync() => Task.FromResult(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()));
}

public sealed class PostgresFixture : StoreFixture
{
    public override async Task<StoreOptions> NewStoreAsync() => StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());
}
