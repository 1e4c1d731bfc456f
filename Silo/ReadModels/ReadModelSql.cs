using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dispatch.Silo.Storage;
using NodaTime;

namespace Dispatch.Silo.ReadModels;

/// <summary>
/// What the read-model SQL shares between the writer and the reader: connections, parameters, the encodings of
/// instants (nanoseconds since the Unix epoch), durations (comma-separated nanoseconds) and enums (member names),
/// and the little that differs between SQLite and PostgreSQL.
/// </summary>
internal sealed class ReadModelSql(StoreOptions store)
{
    public StoreOptions Store { get; } = store;

    public bool IsPostgres => Store.IsPostgres;

    /// <summary>
    /// "is_open = TRUE" (or FALSE; 1 or 0 on SQLite) written into the statement, not bound: the planner can then use the
    /// partial indexes on open rows, whatever plan it caches.
    /// </summary>
    public string IsOpen(bool open) => IsPostgres ? (open ? "is_open = TRUE" : "is_open = FALSE") : (open ? "is_open = 1" : "is_open = 0");

    /// <summary>The aggregate that joins text values with commas, skipping nulls.</summary>
    public string JoinAggregate(string column) => IsPostgres ? $"string_agg({column}, ',')" : $"group_concat({column}, ',')";

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OrleansSchema.OpenAsync(Store, Store.Description, cancellationToken);

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Adds @{prefix}0..@{prefix}n for <paramref name="values"/> and returns "@{prefix}0, @{prefix}1, …".</summary>
    public static string AddList(DbCommand command, string prefix, IEnumerable<string> values)
    {
        var names = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            if (i > 0) names.Append(", ");
            var name = $"{prefix}{i++}";
            names.Append('@').Append(name);
            Add(command, name, DbType.String, value);
        }
        return i == 0 ? "NULL" : names.ToString();
    }

    public static long Nanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    public static long? Nanoseconds(Instant? instant) => instant is { } i ? Nanoseconds(i) : null;

    public static Instant Instant(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);

    public static Instant? OptionalInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant(reader.GetInt64(ordinal));

    public static string? OptionalString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int Int(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static bool Bool(DbDataReader reader, int ordinal) => Convert.ToBoolean(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static T Enum<T>(DbDataReader reader, int ordinal) where T : struct, Enum => System.Enum.Parse<T>(reader.GetString(ordinal));

    public static T? OptionalEnum<T>(DbDataReader reader, int ordinal) where T : struct, Enum =>
        reader.IsDBNull(ordinal) ? null : System.Enum.Parse<T>(reader.GetString(ordinal));

    /// <summary>Durations as comma-separated nanoseconds ("" for none).</summary>
    public static string Durations(IEnumerable<Duration> durations) =>
        string.Join(',', durations.Select(d => d.ToInt64Nanoseconds().ToString(CultureInfo.InvariantCulture)));

    public static IEnumerable<Duration> ParseDurations(string? text) => string.IsNullOrEmpty(text)
        ? []
        : text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => Duration.FromNanoseconds(long.Parse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));
}
