using Npgsql;

namespace Dispatch.LoadTests.Baselines;

/// <summary>
/// Rows written so far in a database (pg_stat_database: inserted + updated + deleted tuples), to turn the engine's
/// writes into a rate beside pgbench's TPS (whose every transaction writes one row). Reads are not counted.
/// </summary>
public static class PostgresRowWrites
{
    /// <summary>Rows written so far in the connection string's database, or null when it cannot be read.</summary>
    public static async Task<long?> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // The statistics collector reports with a small delay; a snapshot read sees what was flushed.
            await using var command = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = current_database()", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }
}
