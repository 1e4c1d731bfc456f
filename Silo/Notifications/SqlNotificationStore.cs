using System.Data;
using System.Data.Common;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Notifications;
using Dispatch.Silo.ReadModels;
using Dispatch.Silo.Storage;
using NodaTime;

namespace Dispatch.Silo.Notifications;

/// <summary>A filter of <see cref="SqlNotificationStore.ListAsync"/>: each part that is set must match.</summary>
public sealed record NotificationFilter(string? Recipient = null, string? CaseId = null, string? State = null, string? CountyId = null);

/// <summary>
/// The notification table: the queue cases enqueue into (<see cref="INotificationQueue"/>), the rows the dispatcher
/// claims with a lease (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several silos never claim one row twice) and
/// completes, and the lists the API reads.
/// </summary>
public sealed class SqlNotificationStore(StoreOptions store, CityModel city, NotificationRouting routing) : INotificationQueue
{
    private readonly ReadModelSql _sql = new(store);

    private const string Columns = "delivery_id, event_id, series, sequence, type, case_id, summons_id, county_id, recipient, channel, target, data, " +
        "text, state, occurred_ns, created_ns, next_ns, attempts, last_attempt_ns, last_error, delivered_ns, cancel_key, repeat_ns";

    /// <summary>Raised after intents were stored (the dispatcher of this silo looks at once).</summary>
    public event Action? Enqueued;

    public async Task EnqueueAsync(IReadOnlyList<NotificationIntent> intents, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var intent in intents)
        {
            if (intent.Cancel)
            {
                await CancelAsync(connection, transaction, intent.SummonsId!, intent.CancelKey!, cancellationToken);
                continue;
            }
            var county = intent.TownshipId is { } township && city.TryGetCenter(township, out _) ? city.CountyOf(township)?.Id : null;
            var series = intent.RepeatEvery is null ? null : intent.EventId;
            var eventId = series is null ? intent.EventId : series + ".1";
            foreach (var target in routing.Targets(intent))
            {
                await InsertAsync(connection, transaction, new NotificationDelivery(NotificationDelivery.IdOf(eventId, target.Target), eventId, series,
                    series is null ? 0 : 1, intent.Type, intent.CaseId, intent.SummonsId, county, target.Recipient, target.Channel, target.Target,
                    intent.Data, target.Text, NotificationDelivery.Pending, intent.DueAt, intent.DueAt, intent.DueAt, 0, null, null, null,
                    intent.CancelKey, intent.RepeatEvery), cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        Enqueued?.Invoke();
    }

    private static async Task CancelAsync(DbConnection connection, DbTransaction transaction, string summonsId, string key, CancellationToken ct)
    {
        await using var command = ReadModelSql.Command(connection,
            "INSERT INTO notification_cancel (summons_id, cancel_key) VALUES (@s, @k) ON CONFLICT (summons_id, cancel_key) DO NOTHING; " +
            "UPDATE notification SET state = 'cancelled' WHERE summons_id = @s AND cancel_key = @k AND state = 'pending'", transaction);
        ReadModelSql.Add(command, "s", DbType.String, summonsId);
        ReadModelSql.Add(command, "k", DbType.String, key);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stores a row unless one with its id exists or its summons's cancellation is in force.</summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, NotificationDelivery d, CancellationToken ct)
    {
        await using var command = ReadModelSql.Command(connection,
            $"INSERT INTO notification ({Columns}) SELECT @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, " +
            "@p16, @p17, @p18, @p19, @p20, @p21, @p22 WHERE NOT EXISTS (SELECT 1 FROM notification_cancel c WHERE c.summons_id = @p6 AND c.cancel_key = @p21) " +
            "ON CONFLICT (delivery_id) DO NOTHING", transaction);
        object?[] values =
        [
            d.DeliveryId, d.EventId, d.Series, d.Sequence, d.Type, d.CaseId, d.SummonsId, d.CountyId, d.Recipient, Name(d.Channel), d.Target,
            d.Data, d.Text, d.State, ReadModelSql.Nanoseconds(d.OccurredAt), ReadModelSql.Nanoseconds(d.FirstDueAt), ReadModelSql.Nanoseconds(d.NextAt),
            d.Attempts, ReadModelSql.Nanoseconds(d.LastAttemptAt), d.LastError, ReadModelSql.Nanoseconds(d.DeliveredAt), d.CancelKey,
            d.RepeatEvery?.ToInt64Nanoseconds(),
        ];
        DbType[] types =
        [
            DbType.String, DbType.String, DbType.String, DbType.Int32, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String,
            DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.Int64, DbType.Int64, DbType.Int64, DbType.Int32,
            DbType.Int64, DbType.String, DbType.Int64, DbType.String, DbType.Int64,
        ];
        for (var i = 0; i < values.Length; i++) ReadModelSql.Add(command, $"p{i}", types[i], values[i]);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending rows due by <paramref name="now"/> and not leased (or whose lease ran
    /// out) until <paramref name="leaseUntil"/>: no other silo claims them meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<NotificationDelivery>> ClaimAsync(Instant now, Instant leaseUntil, int limit, CancellationToken ct = default)
    {
        await using var connection = await _sql.OpenAsync(ct);
        await using var command = ReadModelSql.Command(connection,
            "UPDATE notification SET lease_ns = @lease WHERE delivery_id IN (SELECT delivery_id FROM notification WHERE state = 'pending' " +
            "AND next_ns <= @now AND (lease_ns IS NULL OR lease_ns < @now) ORDER BY next_ns LIMIT @limit" +
            (_sql.IsPostgres ? " FOR UPDATE SKIP LOCKED" : "") + $") AND state = 'pending' RETURNING {Columns}");
        ReadModelSql.Add(command, "lease", DbType.Int64, ReadModelSql.Nanoseconds(leaseUntil));
        ReadModelSql.Add(command, "now", DbType.Int64, ReadModelSql.Nanoseconds(now));
        ReadModelSql.Add(command, "limit", DbType.Int32, limit);
        return await ReadAsync(command, ct);
    }

    /// <summary>Delivered: the row is done; a reminder series adds its next row unless it was cancelled meanwhile.</summary>
    public async Task DeliveredAsync(NotificationDelivery d, Instant now, CancellationToken ct = default)
    {
        await using var connection = await _sql.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = ReadModelSql.Command(connection,
            "UPDATE notification SET state = 'delivered', attempts = attempts + 1, last_attempt_ns = @now, delivered_ns = @now, lease_ns = NULL " +
            "WHERE delivery_id = @id AND state = 'pending'", transaction))
        {
            ReadModelSql.Add(command, "now", DbType.Int64, ReadModelSql.Nanoseconds(now));
            ReadModelSql.Add(command, "id", DbType.String, d.DeliveryId);
            if (await command.ExecuteNonQueryAsync(ct) == 1 && d.RepeatEvery is not null && d.Series is not null)
                await InsertAsync(connection, transaction, d.NextInSeries(now), ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Failed this time: tried again at <paramref name="retryAt"/>, or failed for good when that is null.</summary>
    public Task FailedAsync(NotificationDelivery d, Instant now, Instant? retryAt, string error, CancellationToken ct = default) =>
        ExecuteAsync(retryAt is null
                ? "UPDATE notification SET state = 'failed', attempts = attempts + 1, last_attempt_ns = @now, last_error = @error, lease_ns = NULL WHERE delivery_id = @id AND state = 'pending'"
                : "UPDATE notification SET attempts = attempts + 1, last_attempt_ns = @now, last_error = @error, next_ns = @next, lease_ns = NULL WHERE delivery_id = @id AND state = 'pending'",
            ct, ("now", DbType.Int64, ReadModelSql.Nanoseconds(now)), ("error", DbType.String, error), ("next", DbType.Int64, ReadModelSql.Nanoseconds(retryAt)),
            ("id", DbType.String, d.DeliveryId));

    /// <summary>Not tried now (a contact's rate limit): due again at <paramref name="at"/>, no attempt counted.</summary>
    public Task DeferAsync(NotificationDelivery d, Instant at, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE notification SET next_ns = @next, lease_ns = NULL WHERE delivery_id = @id AND state = 'pending'", ct,
            ("next", DbType.Int64, ReadModelSql.Nanoseconds(at)), ("id", DbType.String, d.DeliveryId));

    /// <summary>Frees every lease (a SQLite silo at start: it is the only one, and what it had claimed before a crash is due again).</summary>
    public Task ReleaseLeasesAsync(CancellationToken ct = default) =>
        ExecuteAsync("UPDATE notification SET lease_ns = NULL WHERE lease_ns IS NOT NULL", ct);

    /// <summary>When <paramref name="target"/> was last sent to, newest first, since <paramref name="since"/> (at most 5).</summary>
    public async Task<IReadOnlyList<Instant>> SentToAsync(string target, Instant since, CancellationToken ct = default)
    {
        await using var connection = await _sql.OpenAsync(ct);
        await using var command = ReadModelSql.Command(connection,
            "SELECT delivered_ns FROM notification WHERE target = @t AND delivered_ns >= @since ORDER BY delivered_ns DESC LIMIT 5");
        ReadModelSql.Add(command, "t", DbType.String, target);
        ReadModelSql.Add(command, "since", DbType.Int64, ReadModelSql.Nanoseconds(since));
        var sent = new List<Instant>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) sent.Add(ReadModelSql.Instant(reader.GetInt64(0)));
        return sent;
    }

    /// <summary>The newest <paramref name="limit"/> rows matching <paramref name="filter"/>, newest first.</summary>
    public async Task<IReadOnlyList<NotificationDelivery>> ListAsync(NotificationFilter filter, int limit, CancellationToken ct = default)
    {
        await using var connection = await _sql.OpenAsync(ct);
        await using var command = ReadModelSql.Command(connection, "");
        command.CommandText = $"SELECT {Columns} FROM notification WHERE {Where(command, filter)} ORDER BY created_ns DESC, delivery_id LIMIT @limit";
        ReadModelSql.Add(command, "limit", DbType.Int32, limit);
        return await ReadAsync(command, ct);
    }

    /// <summary>How many rows matching <paramref name="filter"/> (its state ignored) failed for good.</summary>
    public async Task<int> CountFailedAsync(NotificationFilter filter, CancellationToken ct = default)
    {
        await using var connection = await _sql.OpenAsync(ct);
        await using var command = ReadModelSql.Command(connection, "");
        command.CommandText = $"SELECT COUNT(*) FROM notification WHERE {Where(command, filter with { State = NotificationDelivery.Failed })}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Where(DbCommand command, NotificationFilter filter)
    {
        var where = new List<string> { "1 = 1" };
        void Match(string column, string name, string? value)
        {
            if (value is null) return;
            where.Add($"{column} = @{name}");
            ReadModelSql.Add(command, name, DbType.String, value);
        }
        Match("recipient", "recipient", filter.Recipient);
        Match("case_id", "case", filter.CaseId);
        Match("state", "state", filter.State);
        Match("county_id", "county", filter.CountyId);
        return string.Join(" AND ", where);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, DbType Type, object? Value)[] parameters)
    {
        await using var connection = await _sql.OpenAsync(ct);
        await using var command = ReadModelSql.Command(connection, sql);
        foreach (var (name, type, value) in parameters) ReadModelSql.Add(command, name, type, value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<NotificationDelivery>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<NotificationDelivery>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rows.Add(new NotificationDelivery(r.GetString(0), r.GetString(1), ReadModelSql.OptionalString(r, 2), ReadModelSql.Int(r, 3), r.GetString(4),
                r.GetString(5), ReadModelSql.OptionalString(r, 6), ReadModelSql.OptionalString(r, 7), r.GetString(8),
                Enum.Parse<NotificationChannel>(r.GetString(9), ignoreCase: true), r.GetString(10), r.GetString(11), r.GetString(12), r.GetString(13),
                ReadModelSql.Instant(r.GetInt64(14)), ReadModelSql.Instant(r.GetInt64(15)), ReadModelSql.Instant(r.GetInt64(16)), ReadModelSql.Int(r, 17),
                ReadModelSql.OptionalInstant(r, 18), ReadModelSql.OptionalString(r, 19), ReadModelSql.OptionalInstant(r, 20),
                ReadModelSql.OptionalString(r, 21), r.IsDBNull(22) ? null : Duration.FromNanoseconds(r.GetInt64(22))));
        }
        return rows;
    }

    private static string Name(NotificationChannel channel) => channel.ToString().ToLowerInvariant();
}
