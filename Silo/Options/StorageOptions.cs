using Dispatch.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Options;

/// <summary>Where grain state and reminders are stored (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file used when nothing is configured, relative to the content root.</summary>
    public const string DefaultSqliteFile = "data/dispatch.db";

    /// <summary>"sqlite" (default, embedded, zero set-up) or "postgres".</summary>
    public string Provider { get; set; } = StoreOptions.SqliteProvider;

    /// <summary>
    /// SQLite: a file path (relative paths are under the content root) or a "Data Source=..." string; default
    /// <see cref="DefaultSqliteFile"/>. PostgreSQL: an Npgsql connection string (required).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>True for "sqlite" (or nothing configured), whatever the case.</summary>
    public bool IsSqlite => Probe().IsSqlite;

    /// <summary>True for "postgres" or "postgresql", whatever the case.</summary>
    public bool IsPostgres => Probe().IsPostgres;

    /// <summary>True when the store is the embedded default: SQLite with no connection string configured.</summary>
    public bool IsEmbeddedDefault => IsSqlite && string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The store options, with a relative SQLite path made absolute under <paramref name="contentRoot"/>.</summary>
    public StoreOptions ToStoreOptions(string contentRoot)
    {
        var probe = Probe();
        return probe.IsSqlite ? StoreOptions.Sqlite(SqliteFile(contentRoot)) : probe;
    }

    private StoreOptions Probe() => new()
    {
        Provider = string.IsNullOrWhiteSpace(Provider) ? StoreOptions.SqliteProvider : Provider.Trim(),
        ConnectionString = ConnectionString ?? "",
    };

    /// <summary>The full path of the SQLite file (only meaningful when <see cref="IsSqlite"/>).</summary>
    public string SqliteFile(string contentRoot)
    {
        var configured = string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteFile : ConnectionString.Trim();
        var path = configured.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(configured).DataSource
            : configured;
        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}
