using Dispatch.Runtime.Testing;
using Npgsql;

namespace Dispatch.Runtime.Tests.Storage;

/// <summary>Starts a real throwaway cluster (even when test.sh provides one) so the harness itself is tested.</summary>
public sealed class ThrowawayPostgresTests
{
    [Fact]
    public async Task StartAsync_CreateDatabase_AcceptsConnectionsAndDisposeRemovesEverything()
    {
        var lines = new List<string>();
        var postgres = await ThrowawayPostgres.StartAsync(lines.Add);
        string root = postgres.RootDirectory;
        try
        {
            var connectionString = await postgres.CreateDatabaseAsync("harness_check");

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal("harness_check", await command.ExecuteScalarAsync());
            Assert.Contains(lines, l => l.StartsWith($"Starting throwaway PostgreSQL on 127.0.0.1:{postgres.Port}", StringComparison.Ordinal));
        }
        finally
        {
            await postgres.DisposeAsync();
        }

        Assert.False(Directory.Exists(root));
        await using var refused = new NpgsqlConnection(postgres.ServerConnectionString + ";Pooling=false;Timeout=3");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
    }

    [Fact]
    public async Task CreateDatabaseAsync_NameWithQuote_ThrowsBeforeTouchingTheServer()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgresAdmin.CreateDatabaseAsync("Host=127.0.0.1;Port=1;Username=postgres", "bad\"name", CancellationToken.None));

        Assert.Contains("bad\"name", error.Message);
    }

    [Fact]
    public void FindBinDirectory_ThisMachine_HoldsInitdbAndPgCtl()
    {
        var bin = ThrowawayPostgres.FindBinDirectory();

        Assert.True(File.Exists(Path.Combine(bin, "initdb")));
        Assert.True(File.Exists(Path.Combine(bin, "pg_ctl")));
    }
}
