using System.Data.Common;
using Dispatch.LoadTests.Reporting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.LoadTests.Surge;

/// <summary>
/// Reads Orleans' grain state table (OrleansStorage) of the silo's store after the run: per grain type, rows and payload sizes. It shows
/// what an idle case costs durably, and which grains rewrite large states (each write stores the whole payload).
/// </summary>
public static class StoreFootprint
{
    private const string Sql = "SELECT GrainTypeString, COUNT(*), AVG(LENGTH(PayloadBinary)), MAX(LENGTH(PayloadBinary)) FROM OrleansStorage GROUP BY GrainTypeString ORDER BY GrainTypeString";

    public static async Task<IReadOnlyList<StoredGrainType>> ReadAsync(string? postgres, string? sqliteFile, CancellationToken cancellationToken)
    {
        try
        {
            await using DbConnection connection = postgres is not null
                ? new NpgsqlConnection(postgres)
                : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<StoredGrainType>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new StoredGrainType(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToDouble(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)));
            }
            return rows;
        }
        catch (DbException)
        {
            return [];
        }
    }
}
