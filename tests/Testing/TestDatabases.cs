using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.Testing;

/// <summary>
/// Fresh, empty databases for tests, shared by every test project (runtime, engine, API).
/// PostgreSQL: when the environment variable <see cref="PostgresVariable"/> holds a server's connection string
/// (test.sh exports one), a new database is created on that server; otherwise one <see cref="ThrowawayPostgres"/>
/// is started for the whole test process on first use and stopped when the process exits.
/// </summary>
public static class TestDatabases
{
    /// <summary>Environment variable with the base connection string of a PostgreSQL server for tests, such as "Host=127.0.0.1;Port=5433;Username=postgres".</summary>
    public const string PostgresVariable = "DISPATCH_TEST_PG";

    /// <summary>
    /// Pool size cap put in the connection strings handed out, so that test assemblies running side by side stay
    /// under the test server's max_connections (400 in test.sh).
    /// </summary>
    public const int MaxPoolSize = 30;

    private static readonly Lazy<Task<ThrowawayPostgres>> SharedServer = new(StartSharedServerAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> SqliteDirectory = new(CreateSqliteDirectory, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database named test_&lt;guid&gt; and returns a connection string to it.</summary>
    /// <exception cref="InvalidOperationException">No server given and none can be started here (the message says why).</exception>
    public static async Task<string> NewPostgresDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        var configured = Environment.GetEnvironmentVariable(PostgresVariable);
        string connectionString;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                connectionString = await PostgresAdmin.CreateDatabaseAsync(configured, name, cancellationToken);
            }
            catch (NpgsqlException e)
            {
                var where = new NpgsqlConnectionStringBuilder(configured);
                throw new InvalidOperationException($"Cannot create a test database on the server in {PostgresVariable} ({where.Host}:{where.Port}): {e.Message}", e);
            }
        }
        else
        {
            var server = await SharedServer.Value;
            connectionString = await server.CreateDatabaseAsync(name, cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = MaxPoolSize }.ConnectionString;
    }

    /// <summary>
    /// Closes the idle pooled connections to a test database once its silos stopped: Npgsql keeps a pool per connection
    /// string for minutes, and every test database has its own string, so without this the idle pools of finished tests
    /// add up towards the server's max_connections.
    /// </summary>
    public static void Release(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>
    /// A path for a new SQLite database file (not created) in this process's temporary directory, which is removed
    /// when the process exits.
    /// </summary>
    public static string NewSqliteFile() => Path.Combine(SqliteDirectory.Value, Guid.NewGuid().ToString("N") + ".db");

    private static async Task<ThrowawayPostgres> StartSharedServerAsync()
    {
        var server = await ThrowawayPostgres.StartAsync(Console.Error.WriteLine);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    private static string CreateSqliteDirectory()
    {
        var parent = Path.Combine(Path.GetTempPath(), "dispatch-tests");
        RemoveDirectoriesOfEndedProcesses(parent);
        var directory = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a temp directory left behind harms nobody.
            }
        };
        return directory;
    }

    /// <summary>Removes what earlier test processes left when they were killed before their exit handlers ran.</summary>
    private static void RemoveDirectoriesOfEndedProcesses(string parent)
    {
        if (!Directory.Exists(parent))
            return;
        foreach (var directory in Directory.GetDirectories(parent))
        {
            var name = Path.GetFileName(directory);
            var dash = name.IndexOf('-');
            if (dash <= 0 || !int.TryParse(name[..dash], out var pid) || IsRunning(pid))
                continue;
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process may be sweeping too.
            }
        }

        static bool IsRunning(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
