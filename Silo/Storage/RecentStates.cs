using System.Data;
using System.Data.Common;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Finds the string keys of the grains whose state (of one <c>[PersistentState]</c> name) was written since a moment,
/// from Orleans' grain state table: how a starting silo finds the cases that may have been cut off, by a crash, between
/// writing their state and delivering their outbox. The provider stores a string key whole in GrainIdExtensionString.
/// </summary>
public sealed class RecentStates(StoreOptions store)
{
    private readonly StoreOptions store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>The keys of <paramref name="stateName"/> states written at or after <paramref name="sinceUtc"/> (database time), newest first.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public async Task<IReadOnlyList<string>> KeysAsync(string serviceId, string stateName, DateTime sinceUtc, int limit, CancellationToken ct)
    {
        store.Validate();
        var description = store.Description;
        await using var connection = await OrleansSchema.OpenAsync(store, description, ct);
        try
        {
            await using var command = connection.CreateCommand();
            // SQLite keeps ModifiedOn as CURRENT_TIMESTAMP text ('yyyy-MM-dd HH:mm:ss', UTC), which sorts in time order.
            command.CommandText =
                "SELECT GrainIdExtensionString FROM OrleansStorage WHERE ServiceId = @ServiceId AND GrainTypeString = @State " +
                "AND GrainIdExtensionString IS NOT NULL AND ModifiedOn >= @Since ORDER BY ModifiedOn DESC LIMIT @Limit";
            ReadModels.ReadModelSql.Add(command, "ServiceId", DbType.String, serviceId);
            ReadModels.ReadModelSql.Add(command, "State", DbType.String, stateName);
            ReadModels.ReadModelSql.Add(command, "Limit", DbType.Int32, limit);
            var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
            if (store.IsSqlite) ReadModels.ReadModelSql.Add(command, "Since", DbType.String, since.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            else ReadModels.ReadModelSql.Add(command, "Since", DbType.DateTime, since);
            var keys = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) keys.Add(reader.GetString(0));
            return keys;
        }
        catch (DbException e)
        {
            throw new StorageUnavailableException(description, $"cannot read recently written states: {OrleansSchema.Reason(e)}", e);
        }
    }
}
