using Dispatch.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit.Abstractions;

namespace Dispatch.Storage.Tests;

/// <summary>
/// Orleans' ADO.NET providers on Dispatch's schema, with real in-process silos; run on SQLite and on PostgreSQL.
/// </summary>
public abstract class StorageContractTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected static readonly string[] PersistenceAndReminderKeys =
    [
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    protected abstract string[] ExpectedQueryKeys { get; }

    private static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    // ------------------------------------------------------------------ persistence

    [Fact]
    public async Task State_written_survives_a_silo_restart()
    {
        var store = await Fixture.NewStoreAsync();
        var key = NewKey("restart");

        var first = await Silos.StartLocalAsync(store);
        try
        {
            await first.Grains().GetGrain<IProbeGrain>(key).SetValue("before restart");
        }
        finally
        {
            await Silos.StopAsync(first);
        }

        var second = await Silos.StartLocalAsync(store);
        try
        {
            var grain = second.Grains().GetGrain<IProbeGrain>(key);
            Assert.Equal("before restart", await grain.GetValue());
            Assert.True(await grain.RecordExists());
            await grain.SetValue("after restart");
            Assert.Equal("after restart", await grain.GetValue());
        }
        finally
        {
            await Silos.StopAsync(second);
        }
    }

    [Fact]
    public async Task A_write_with_a_stale_or_missing_etag_is_rejected()
    {
        var storage = Fixture.Silo.DefaultStorage();
        var id = GrainId.Create("probe", NewKey("stale"));

        var a = await ReadAsync(storage, id);
        var b = await ReadAsync(storage, id);
        Assert.Null(a.ETag);
        Assert.False(a.RecordExists);

        a.State!.Value = "a";
        await storage.WriteStateAsync(ProbeGrain.StateName, id, a);
        Assert.Equal("1", a.ETag);
        Assert.True(a.RecordExists);

        // b never saw a row: its first write must not overwrite a's.
        b.State!.Value = "b";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrain.StateName, id, b));

        var c = await ReadAsync(storage, id);
        var d = await ReadAsync(storage, id);
        Assert.Equal("1", c.ETag);
        c.State!.Value = "c";
        await storage.WriteStateAsync(ProbeGrain.StateName, id, c);
        Assert.Equal("2", c.ETag);

        // d read version 1, which is gone now.
        d.State!.Value = "d";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrain.StateName, id, d));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(ProbeGrain.StateName, id, d));

        var e = await ReadAsync(storage, id);
        Assert.Equal("c", e.State!.Value);
        Assert.Equal("2", e.ETag);
    }

    [Fact]
    public async Task A_stale_grain_activation_on_a_second_silo_cannot_overwrite()
    {
        var key = NewKey("two-silos");
        var other = await Silos.StartLocalAsync(Fixture.Store);
        try
        {
            var here = Fixture.Silo.Grains().GetGrain<IProbeGrain>(key);
            var there = other.Grains().GetGrain<IProbeGrain>(key);
            await here.SetValue("one");
            await there.SetValue("two"); // read version 1, wrote version 2

            var error = await Assert.ThrowsAsync<InconsistentStateException>(() => here.SetValue("three"));
            Assert.Contains("Version conflict", error.Message);
            Assert.Equal("two", await there.GetValue());
        }
        finally
        {
            await Silos.StopAsync(other);
        }
    }

    [Fact]
    public async Task ClearState_clears_and_the_grain_can_write_again()
    {
        var key = NewKey("clear");
        var grain = Fixture.Silo.Grains().GetGrain<IProbeGrain>(key);
        await grain.SetValue("to be cleared");
        await grain.ClearValue();
        Assert.False(await grain.RecordExists());
        Assert.Null(await grain.GetValue());

        var stored = await ReadAsync(Fixture.Silo.DefaultStorage(), GrainId.Create("probe", key));
        Assert.False(stored.RecordExists);
        Assert.Null(stored.State!.Value);
        Assert.Equal("2", stored.ETag); // the row stays, its version goes on counting

        await grain.SetValue("again");
        var again = await ReadAsync(Fixture.Silo.DefaultStorage(), GrainId.Create("probe", key));
        Assert.Equal("again", again.State!.Value);
        Assert.Equal("3", again.ETag);
    }

    [Fact]
    public async Task ClearState_with_DeleteStateOnClear_deletes_the_row()
    {
        var storage = Fixture.Silo.Services.GetRequiredKeyedService<IGrainStorage>(Silos.DeletingStorage);
        var id = GrainId.Create("probe", NewKey("delete"));

        var state = await ReadAsync(storage, id);
        state.State!.Value = "x";
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);
        var stale = await ReadAsync(storage, id);
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(ProbeGrain.StateName, id, stale));
        await storage.ClearStateAsync(ProbeGrain.StateName, id, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);

        var gone = await ReadAsync(storage, id);
        Assert.Null(gone.ETag);
        Assert.False(gone.RecordExists);

        gone.State!.Value = "y";
        await storage.WriteStateAsync(ProbeGrain.StateName, id, gone);
        Assert.Equal("1", gone.ETag);
    }

    [Fact]
    public async Task Every_key_shape_gets_a_row_of_its_own()
    {
        var storage = Fixture.Silo.DefaultStorage();
        var guid = Guid.NewGuid();
        var n = Random.Shared.NextInt64(1, long.MaxValue).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        string[] keys =
        [
            n,                       // integer key
            n + "+",                 // integer key, empty extension
            n + "+ext",              // integer key with extension
            guid.ToString("N"),      // GUID key
            guid.ToString("N") + "+ext",
            "hello world " + n,      // string key
            "zz" + n,
        ];

        foreach (var key in keys)
        {
            var state = await ReadAsync(storage, GrainId.Create("probe", key));
            Assert.Null(state.ETag);
            state.State!.Value = "value of " + key;
            await storage.WriteStateAsync(ProbeGrain.StateName, GrainId.Create("probe", key), state);
        }

        foreach (var key in keys)
        {
            var state = await ReadAsync(storage, GrainId.Create("probe", key));
            Assert.Equal("value of " + key, state.State!.Value);
            Assert.Equal("1", state.ETag);
        }
    }

    // ------------------------------------------------------------------ reminders

    [Fact]
    public async Task A_reminder_fires_is_listed_is_due_and_unregisters()
    {
        var key = NewKey("reminder");
        var grain = Fixture.Silo.Grains().GetGrain<IProbeGrain>(key);
        var ticked = ReminderSignals.For(key, "tick").Task;

        await grain.RegisterReminder("tick", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(["tick"], await grain.ReminderNames());

        await ticked.WaitAsync(Silos.Patience);

        // The row the provider wrote: GrainId.ToString() form, start time passed.
        var due = await new DueReminders(Fixture.Store).GrainIdsAsync(Silos.ServiceId, "tick", DateTime.UtcNow, 1000, CancellationToken.None);
        Assert.Contains(grain.GetGrainId().ToString(), due);

        await grain.UnregisterReminder("tick");
        Assert.Empty(await grain.ReminderNames());
        due = await new DueReminders(Fixture.Store).GrainIdsAsync(Silos.ServiceId, "tick", DateTime.UtcNow, 1000, CancellationToken.None);
        Assert.DoesNotContain(grain.GetGrainId().ToString(), due);
    }

    [Fact]
    public async Task The_reminder_table_reads_rows_ranges_and_deletes_by_etag()
    {
        var table = Fixture.Silo.Services.GetRequiredService<IReminderTable>();
        var name = NewKey("table");
        var grains = Enumerable.Range(0, 6).Select(i => GrainId.Create("probe", NewKey("range" + i))).ToList();
        var start = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        foreach (var grain in grains)
        {
            var etag = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = name, StartAt = start, Period = TimeSpan.FromMinutes(5) });
            Assert.Equal("1", etag);
        }
        // A period beyond int.MaxValue milliseconds is bound as a long.
        var longPeriod = TimeSpan.FromDays(40);
        Assert.Equal("2", await table.UpsertRow(new ReminderEntry { GrainId = grains[0], ReminderName = name, StartAt = start, Period = longPeriod }));

        var row = await table.ReadRow(grains[0], name);
        Assert.NotNull(row);
        Assert.Equal(grains[0], row.GrainId);
        Assert.Equal(start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(longPeriod, row.Period);
        Assert.Equal("2", row.ETag);
        Assert.Null(await table.ReadRow(grains[0], "no such reminder"));
        Assert.Single((await table.ReadRows(grains[1])).Reminders, r => r.ReminderName == name);

        // Any split of the ring into (x, y] and (y, x] returns each row exactly once, wrapping or not.
        uint[] cuts = [0, 1, 0x7FFFFFF0, 0x80000000, 0x90000000, 0xFFFFFFFF, grains[2].GetUniformHashCode(), grains[3].GetUniformHashCode()];
        foreach (var x in cuts)
        {
            foreach (var y in cuts)
            {
                if (x == y)
                    continue;
                var first = (await table.ReadRows(x, y)).Reminders.Where(r => r.ReminderName == name).Select(r => r.GrainId);
                var second = (await table.ReadRows(y, x)).Reminders.Where(r => r.ReminderName == name).Select(r => r.GrainId);
                Assert.Equal(grains.OrderBy(g => g.ToString()), first.Concat(second).OrderBy(g => g.ToString()));
            }
        }
        // begin == end is the whole ring.
        Assert.Equal(grains.Count, (await table.ReadRows(5u, 5u)).Reminders.Count(r => r.ReminderName == name));

        Assert.False(await table.RemoveRow(grains[0], name, "1"));
        Assert.True(await table.RemoveRow(grains[0], name, "2"));
        Assert.False(await table.RemoveRow(grains[0], name, "2"));
        Assert.Null(await table.ReadRow(grains[0], name));
    }

    [Fact]
    public async Task DueReminders_returns_reminders_whose_start_has_passed_oldest_first()
    {
        var table = Fixture.Silo.Services.GetRequiredService<IReminderTable>();
        var name = NewKey("deadline");
        var now = DateTime.UtcNow;
        var a = GrainId.Create("probe", NewKey("due-a"));
        var b = GrainId.Create("probe", NewKey("due-b"));
        var c = GrainId.Create("probe", NewKey("due-c"));
        var d = GrainId.Create("probe", NewKey("due-d"));
        await Upsert(a, name, now.AddMinutes(-60));
        await Upsert(b, name, now.AddMinutes(60));        // due later
        await Upsert(c, name, now.AddMinutes(-120));      // due earlier than a
        await Upsert(d, name, now.AddMilliseconds(-1));   // just due
        await Upsert(b, "other-" + name, now.AddMinutes(-60)); // another reminder name

        var due = new DueReminders(Fixture.Store);
        Assert.Equal([c.ToString(), a.ToString(), d.ToString()], await due.GrainIdsAsync(Silos.ServiceId, name, now, 10, CancellationToken.None));
        Assert.Equal([c.ToString()], await due.GrainIdsAsync(Silos.ServiceId, name, now, 1, CancellationToken.None));
        Assert.Equal([c.ToString(), a.ToString()], await due.GrainIdsAsync(Silos.ServiceId, name, now.AddMinutes(-30), 10, CancellationToken.None));
        Assert.Equal([c.ToString(), a.ToString(), d.ToString(), b.ToString()], await due.GrainIdsAsync(Silos.ServiceId, name, now.AddHours(2), 10, CancellationToken.None));
        Assert.Empty(await due.GrainIdsAsync("another-service", name, now, 10, CancellationToken.None));

        // The strings parse back into the grain ids.
        Assert.Equal(c, GrainId.Parse((await due.GrainIdsAsync(Silos.ServiceId, name, now, 1, CancellationToken.None))[0]));

        Task Upsert(GrainId grain, string reminder, DateTime startAt) =>
            table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = reminder, StartAt = startAt, Period = TimeSpan.FromDays(1) });
    }

    // ------------------------------------------------------------------ schema

    [Fact]
    public async Task Applying_the_schema_twice_and_on_an_existing_database_is_harmless()
    {
        var store = await Fixture.NewStoreAsync();
        await Db.ExecuteAsync(store, "CREATE TABLE unrelated (id INTEGER PRIMARY KEY, note TEXT)");
        await Db.ExecuteAsync(store, "INSERT INTO unrelated (id, note) VALUES (7, 'kept')");

        await OrleansSchema.ApplyAsync(store);
        Assert.Equal(ExpectedQueryKeys.Order(), (await Db.StringsAsync(store, "SELECT QueryKey FROM OrleansQuery")).Order());
        Assert.Equal(["1", "2", "3", "4", "5"], await Db.StringsAsync(store, "SELECT Version FROM DispatchSchema ORDER BY Version"));

        // Data written in between stays; a damaged query text is put right.
        await Db.ExecuteAsync(store,
            "INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version) VALUES (@s, @g, @n, @t, 60000, 5, 1)",
            ("s", "svc"), ("g", "probe/kept"), ("n", "kept"), ("t", DateTime.UtcNow));
        var original = await Db.ScalarAsync(store, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'");
        await Db.ExecuteAsync(store, "UPDATE OrleansQuery SET QueryText = 'broken' WHERE QueryKey = 'ReadFromStorageKey'");

        await OrleansSchema.ApplyAsync(store);
        await OrleansSchema.ApplyAsync(store);

        Assert.Equal(original, await Db.ScalarAsync(store, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'"));
        Assert.Equal(ExpectedQueryKeys.Order(), (await Db.StringsAsync(store, "SELECT QueryKey FROM OrleansQuery")).Order());
        Assert.Equal(["1", "2", "3", "4", "5"], await Db.StringsAsync(store, "SELECT Version FROM DispatchSchema ORDER BY Version"));
        Assert.Equal(1, await Db.CountAsync(store, "SELECT COUNT(*) FROM OrleansRemindersTable WHERE GrainId = 'probe/kept'"));
        Assert.Equal("kept", await Db.ScalarAsync(store, "SELECT note FROM unrelated WHERE id = 7"));
        Assert.NotNull(await Db.ScalarAsync(store, "SELECT AppliedAt FROM DispatchSchema WHERE Version = 3"));
    }

    [Fact]
    public async Task A_version_2_database_is_upgraded_at_start_keeping_its_rows()
    {
        // A database as version 2 left it: the read-model tables without the residents' loop columns.
        var store = await Fixture.NewStoreAsync();
        await OrleansSchema.ApplyAsync(store);
        foreach (var (table, column, _, _) in OrleansSchema.ReadModelColumns)
            await Db.ExecuteAsync(store, $"ALTER TABLE {table} DROP COLUMN {column}");
        await Db.ExecuteAsync(store, "DELETE FROM DispatchSchema WHERE Version > 2");
        await Db.ExecuteAsync(store,
            "INSERT INTO stats_fact (scope, day, case_id, version, accepted, accepted_resolved, resolved, closed, summoned, acked_on_time, " +
            "escalations, follow_ups, satisfaction_sum, satisfied, ack_ns, arrive_ns) VALUES ('tc-a-t1', '2026-11-23', 'C-old', 3, 1, 1, 1, 1, 0, 0, 0, 1, 4, 1, '', '')");

        await OrleansSchema.ApplyAsync(store);

        Assert.Equal(0L, await Db.CountAsync(store, "SELECT reopened FROM stats_fact WHERE case_id = 'C-old'"));
        Assert.Equal(1L, await Db.CountAsync(store, "SELECT follow_ups FROM stats_fact WHERE case_id = 'C-old'"));
        Assert.Equal(0L, await Db.CountAsync(store, "SELECT COUNT(follow_up_due_ns) FROM case_view"));
        Assert.Equal(["1", "2", "3", "4", "5"], await Db.StringsAsync(store, "SELECT Version FROM DispatchSchema ORDER BY Version"));
    }

    [Fact]
    public async Task Concurrent_applications_of_the_schema_all_succeed()
    {
        var store = await Fixture.NewStoreAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OrleansSchema.ApplyAsync(store))));
        Assert.Equal(ExpectedQueryKeys.Length, await Db.CountAsync(store, "SELECT COUNT(*) FROM OrleansQuery"));
        Assert.Equal(["1", "2", "3", "4", "5"], await Db.StringsAsync(store, "SELECT Version FROM DispatchSchema ORDER BY Version"));
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused()
    {
        var store = await Fixture.NewStoreAsync();
        await OrleansSchema.ApplyAsync(store);
        await Db.ExecuteAsync(store, $"INSERT INTO DispatchSchema (Version) VALUES ({OrleansSchema.Version + 1})");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OrleansSchema.ApplyAsync(store));
        Assert.Contains($"schema version {OrleansSchema.Version + 1}", error.Message);
        Assert.Contains(store.Description, error.Message);
    }

    [Fact]
    public async Task The_silo_applies_the_schema_before_the_providers_start()
    {
        // The fixture's silo started on an empty database: the schema is there, and so is its record.
        Assert.Equal(ExpectedQueryKeys.Length, await Db.CountAsync(Fixture.Store, "SELECT COUNT(*) FROM OrleansQuery"));
        Assert.Equal(OrleansSchema.Version, Convert.ToInt32(await Db.ScalarAsync(Fixture.Store, "SELECT MAX(Version) FROM DispatchSchema"), System.Globalization.CultureInfo.InvariantCulture));
    }

    protected static async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync(ProbeGrain.StateName, id, state);
        return state;
    }
}

public sealed class SqliteStorageTests(SqliteFixture fixture, ITestOutputHelper output) : StorageContractTests<SqliteFixture>(fixture)
{
    protected override string[] ExpectedQueryKeys => PersistenceAndReminderKeys;

    [Fact]
    public async Task The_database_is_in_WAL_mode()
    {
        Assert.Equal("wal", await Db.ScalarAsync(Fixture.Store, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task The_directory_of_a_new_database_is_created()
    {
        var file = Path.Combine(Path.GetDirectoryName(Dispatch.Testing.TestDatabases.NewSqliteFile())!, Guid.NewGuid().ToString("N"), "deeper", "dispatch.db");
        await OrleansSchema.ApplyAsync(StoreOptions.Sqlite(file));
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task A_file_that_cannot_be_created_gives_StorageUnavailableException()
    {
        var blocker = Dispatch.Testing.TestDatabases.NewSqliteFile();
        await File.WriteAllTextAsync(blocker, "a file, not a directory");
        var store = StoreOptions.Sqlite(Path.Combine(blocker, "dispatch.db"));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => OrleansSchema.ApplyAsync(store));
        output.WriteLine(error.Message);
        Assert.StartsWith($"Storage unavailable: SQLite {Path.Combine(blocker, "dispatch.db")}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}

public sealed class PostgresStorageTests(PostgresFixture fixture, ITestOutputHelper output) : StorageContractTests<PostgresFixture>(fixture)
{
    private static readonly string[] ClusteringKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
    ];

    protected override string[] ExpectedQueryKeys => [.. PersistenceAndReminderKeys, .. ClusteringKeys];

    [Fact]
    public async Task An_unreachable_server_gives_StorageUnavailableException_with_a_clear_message()
    {
        var port = Silos.FreePort(); // closed again: nothing listens there
        var store = StoreOptions.Postgres($"Host=127.0.0.1;Port={port};Database=dispatch;Username=dispatch;Password=s3cret;Timeout=5");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => OrleansSchema.ApplyAsync(store));
        output.WriteLine(error.Message);
        Assert.StartsWith($"Storage unavailable: PostgreSQL 127.0.0.1:{port}/dispatch: cannot connect", error.Message);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal($"PostgreSQL 127.0.0.1:{port}/dispatch", error.Store);

        // A silo on it does not start, and says why.
        var host = Silos.Build(store, silo => silo.UseLocalhostClustering(Silos.FreePort(), Silos.FreePort()));
        try
        {
            var startError = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
            Assert.Contains(Flatten(startError), e => e is StorageUnavailableException);
        }
        finally
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task A_missing_database_gives_StorageUnavailableException()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Fixture.Store.ConnectionString);
        var store = StoreOptions.Postgres($"Host={database.Host};Port={database.Port};Database=no_such_database_here;Username={database.Username}");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => OrleansSchema.ApplyAsync(store));
        output.WriteLine(error.Message);
        Assert.Contains("no_such_database_here", error.Message);
        Assert.Contains("3D000", error.Message);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                    yield return inner;
        }
    }
}
