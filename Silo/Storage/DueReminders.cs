using System.Data;
using System.Data.Common;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Finds the grains whose reminder of a given name is due, straight from Orleans' reminder table, for a sweeper
/// that makes deadlines level-triggered: Orleans skips the ticks a reminder missed while no silo ran, while a row
/// whose start time has passed stays there until the grain unregisters it.
/// </summary>
/// <param name="store">The database Orleans' reminder table is in; validated on first use.</param>
public sealed class DueReminders(StoreOptions store)
{
    private const string Query =
        "SELECT GrainId FROM OrleansRemindersTable " +
        "WHERE ServiceId = @ServiceId AND (@ReminderName IS NULL OR ReminderName = @ReminderName) AND StartTime <= @Now " +
        "ORDER BY StartTime, GrainId LIMIT @Limit";

    private readonly StoreOptions store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>
    /// The grain ids, as Orleans stores them (<c>GrainId.ToString()</c>, such as "casegrain/42"; parse them
    /// with <c>GrainId.Parse</c>), of the reminders named <paramref name="reminderName"/> whose start time is at
    /// or before <paramref name="nowUtc"/>, oldest first, at most <paramref name="limit"/>.
    /// </summary>
    /// <param name="serviceId">Orleans' ClusterOptions.ServiceId the reminders were registered under.</param>
    /// <param name="reminderName">The reminder's name, or null for reminders of any name.</param>
    /// <param name="nowUtc">The instant to compare with; a local time is converted, an unspecified one taken as UTC.</param>
    /// <param name="limit">The most ids to return (positive).</param>
    /// <param name="ct">Cancels the query.</param>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public async Task<IReadOnlyList<string>> GrainIdsAsync(string serviceId, string? reminderName, DateTime nowUtc, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        store.Validate();
        var now = nowUtc.Kind switch
        {
            DateTimeKind.Local => nowUtc.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
            _ => nowUtc,
        };

        var description = store.Description;
        await using var connection = await OrleansSchema.OpenAsync(store, description, ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Query;
            // Bound as Orleans binds them, so that SQLite compares StartTime text in the same format.
            ReadModels.ReadModelSql.Add(command, "ServiceId", DbType.String, serviceId);
            ReadModels.ReadModelSql.Add(command, "ReminderName", DbType.String, (object?)reminderName ?? DBNull.Value);
            ReadModels.ReadModelSql.Add(command, "Now", DbType.DateTime, now);
            ReadModels.ReadModelSql.Add(command, "Limit", DbType.Int32, limit);

            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                ids.Add(reader.GetString(0));
            return ids;
        }
        catch (DbException e)
        {
            throw new StorageUnavailableException(description, $"cannot read due reminders: {OrleansSchema.Reason(e)}", e);
        }
    }

    /// <summary>How many reminders are stored for <paramref name="serviceId"/> (for the metrics snapshot).</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public async Task<int> CountAsync(string serviceId, CancellationToken ct = default)
    {
        store.Validate();
        var description = store.Description;
        await using var connection = await OrleansSchema.OpenAsync(store, description, ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM OrleansRemindersTable WHERE ServiceId = @ServiceId";
            ReadModels.ReadModelSql.Add(command, "ServiceId", DbType.String, serviceId);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException e)
        {
            throw new StorageUnavailableException(description, $"cannot count reminders: {OrleansSchema.Reason(e)}", e);
        }
    }
}
