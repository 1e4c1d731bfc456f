namespace Dispatch.Runtime.Storage.AdoNet;

/// <summary>
/// Which database <see cref="AdoNetStore"/> uses and how to reach it. Bindable from configuration
/// (for example a "Storage" section with Provider and ConnectionString).
/// </summary>
/// <remarks><see cref="ToString"/> leaves the connection string out, since it may hold a password.</remarks>
public sealed record StoreOptions
{
    /// <summary>The value of <see cref="Provider"/> for SQLite.</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>The value of <see cref="Provider"/> for PostgreSQL.</summary>
    public const string PostgresProvider = "postgres";

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

    /// <summary>Throws <see cref="ArgumentException"/> for an unknown provider or an empty connection string.</summary>
    public void Validate()
    {
        if (!IsSqlite && !IsPostgres)
            throw new ArgumentException($"Unknown storage provider '{Provider}'; use '{SqliteProvider}' or '{PostgresProvider}'.", nameof(Provider));
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new ArgumentException($"The {Provider} storage provider needs a connection string{(IsSqlite ? " (a file path will do)" : "")}.", nameof(ConnectionString));
    }

    /// <summary>The provider only: the connection string may hold a password.</summary>
    public override string ToString() => $"StoreOptions {{ Provider = {Provider} }}";
}
