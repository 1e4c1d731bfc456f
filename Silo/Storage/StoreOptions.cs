using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Which database the silo keeps grain state and reminders in, and how to reach it. Bindable from configuration
/// (for example a "Storage" section with Provider and ConnectionString).
/// </summary>
/// <remarks><see cref="ToString"/> and <see cref="Description"/> leave the connection string out, since it may hold a password.</remarks>
public sealed record StoreOptions
{
    /// <summary>The value of <see cref="Provider"/> for SQLite.</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>The value of <see cref="Provider"/> for PostgreSQL.</summary>
    public const string PostgresProvider = "postgres";

    /// <summary>Orleans' ADO.NET invariant for SQLite (Orleans maps it to Microsoft.Data.Sqlite).</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>Orleans' ADO.NET invariant for PostgreSQL (Npgsql).</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Command timeout, in seconds, put in the SQLite connection string; it also bounds the wait for another writer's lock.</summary>
    public const int SqliteCommandTimeoutSeconds = 30;

    /// <summary>"sqlite" (the default) or "postgres" ("postgresql" is accepted too); case does not matter.</summary>
    public string Provider { get; init; } = SqliteProvider;

    /// <summary>
    /// SQLite: a file path or a Microsoft.Data.Sqlite connection string ("Data Source=/data/dispatch.db"); its
    /// directory is created when missing. PostgreSQL: an Npgsql connection string ("Host=...;Port=...;Database=...;Username=...").
    /// </summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>SQLite in the file at <paramref name="path"/>.</summary>
    public static StoreOptions Sqlite(string path) => new() { Provider = SqliteProvider, ConnectionString = path };

    /// <summary>PostgreSQL reached with an Npgsql <paramref name="connectionString"/>.</summary>
    public static StoreOptions Postgres(string connectionString) => new() { Provider = PostgresProvider, ConnectionString = connectionString };

    /// <summary>True for <see cref="SqliteProvider"/>, whatever the case.</summary>
    public bool IsSqlite => string.Equals(Provider?.Trim(), SqliteProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for <see cref="PostgresProvider"/> or "postgresql", whatever the case.</summary>
    public bool IsPostgres =>
        string.Equals(Provider?.Trim(), PostgresProvider, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(Provider?.Trim(), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The ADO.NET invariant Orleans' providers are configured with: "System.Data.SQLite" or "Npgsql".</summary>
    /// <exception cref="ArgumentException">Unknown provider.</exception>
    public string AdoNetInvariant => IsSqlite ? SqliteInvariant
        : IsPostgres ? PostgresInvariant
        : throw UnknownProvider();

    /// <summary>
    /// The connection string Orleans' providers are configured with. SQLite: a Microsoft.Data.Sqlite connection
    /// string for the file's absolute path, pooled, with a <see cref="SqliteCommandTimeoutSeconds"/> s default
    /// command timeout unless the given string sets these itself. PostgreSQL: <see cref="ConnectionString"/> as given.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown provider, or an empty or malformed connection string.</exception>
    public string AdoNetConnectionString
    {
        get
        {
            Validate();
            return IsSqlite ? SqliteBuilder().ToString() : ConnectionString;
        }
    }

    /// <summary>
    /// Names the store for people and logs, never with a password: "SQLite /data/dispatch.db" or
    /// "PostgreSQL 127.0.0.1:5432/dispatch".
    /// </summary>
    public string Description
    {
        get
        {
            try
            {
                if (IsSqlite)
                    return $"SQLite {SqliteBuilder().DataSource}";
                if (IsPostgres)
                {
                    var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                    return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "(default database)"}";
                }
            }
            catch (ArgumentException)
            {
                // A malformed connection string: describe what is safe to show.
            }
            return IsSqlite ? "SQLite (invalid connection string)"
                : IsPostgres ? "PostgreSQL (invalid connection string)"
                : $"unknown storage provider '{Provider}'";
        }
    }

    /// <summary>The absolute path of the SQLite database file; null for PostgreSQL.</summary>
    internal string? SqliteFilePath => IsSqlite ? SqliteBuilder().DataSource : null;

    /// <summary>Throws <see cref="ArgumentException"/> for an unknown provider, or an empty or malformed connection string.</summary>
    public void Validate()
    {
        if (!IsSqlite && !IsPostgres)
            throw UnknownProvider();
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new ArgumentException($"The {Provider} storage provider needs a connection string{(IsSqlite ? " (a file path will do)" : "")}.", nameof(ConnectionString));
        if (IsSqlite)
        {
            _ = SqliteBuilder();
            return;
        }

        NpgsqlConnectionStringBuilder postgres;
        try
        {
            postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new ArgumentException($"Invalid PostgreSQL connection string: {e.Message}", nameof(ConnectionString), e);
        }
        if (string.IsNullOrWhiteSpace(postgres.Host))
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(ConnectionString));
    }

    /// <summary>The provider only: the connection string may hold a password.</summary>
    public override string ToString() => $"StoreOptions {{ Provider = {Provider} }}";

    private ArgumentException UnknownProvider() =>
        new($"Unknown storage provider '{Provider}'; use '{SqliteProvider}' or '{PostgresProvider}'.", nameof(Provider));

    /// <summary>The SQLite connection string as Dispatch uses it: absolute path, pooled, with a command timeout.</summary>
    private SqliteConnectionStringBuilder SqliteBuilder()
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = ConnectionString.Contains('=')
                ? new SqliteConnectionStringBuilder(ConnectionString)
                : new SqliteConnectionStringBuilder { DataSource = ConnectionString.Trim() };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new ArgumentException($"Invalid SQLite connection string: {e.Message}", nameof(ConnectionString), e);
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException("The SQLite connection string names no database file.", nameof(ConnectionString));
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new ArgumentException("An in-memory SQLite database is not supported: each pooled connection would see its own empty database. Give a file path.", nameof(ConnectionString));

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        // Defaults for what the given string leaves out; what it says explicitly stands.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString.Contains('=') ? ConnectionString : "" };
        if (!given.ContainsKey("Pooling"))
            builder.Pooling = true;
        if (!given.ContainsKey("Default Timeout") && !given.ContainsKey("DefaultTimeout") && !given.ContainsKey("Command Timeout"))
            builder.DefaultTimeout = SqliteCommandTimeoutSeconds;
        return builder;
    }
}
