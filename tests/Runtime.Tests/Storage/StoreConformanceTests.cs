using Dispatch.Runtime.Storage;
using Dispatch.Runtime.Storage.AdoNet;
using NodaTime;

namespace Dispatch.Runtime.Tests.Storage;

/// <summary>
/// What every store must do, run against each provider by a concrete subclass. xUnit makes a new instance per test,
/// so each test has its own grain types and its own store on the class's shared database.
/// </summary>
public abstract class StoreConformanceTests(IStoreFixture fixture) : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2025, 3, 1, 8, 30, 15) + Duration.FromMilliseconds(250);

    private readonly List<AdoNetStore> stores = [];
    private readonly string type = NewType();
    private readonly TestClock clock = new(Start);

    /// <summary>Options for a store that cannot be reached (a closed port, an uncreatable directory).</summary>
    protected abstract StoreOptions UnreachableOptions { get; }

    /// <summary>The description the unreachable store must be named by.</summary>
    protected abstract string UnreachableDescription { get; }

    private AdoNetStore Store => stores[0];

    public async Task InitializeAsync() => await NewStoreAsync(fixture.Options);

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
            await store.DisposeAsync();
    }

    // ------------------------------------------------------------ grain state

    [Fact]
    public async Task ReadAsync_MissingRow_ReturnsNull()
    {
        Assert.Null(await Store.ReadAsync(type, "nobody"));
    }

    [Fact]
    public async Task WriteAsync_NewRow_RoundTripsPayloadETagAndModified()
    {
        const string payload = """{"name":"派遣 ✓","n":42,"nested":{"a":[1,2,3]}}""";

        var etag = await Store.WriteAsync(type, "k1", payload, expectedETag: null);

        var stored = await Store.ReadAsync(type, "k1");
        Assert.NotNull(stored);
        Assert.Equal(new StoredState(type, "k1", etag, payload, Start), stored);
        Assert.False(string.IsNullOrWhiteSpace(etag));
    }

    [Fact]
    public async Task WriteAsync_WithCurrentETag_ReplacesPayloadAndChangesETag()
    {
        var first = await Store.WriteAsync(type, "k1", "v1", null);
        clock.Now = Start + Duration.FromMinutes(5);

        var second = await Store.WriteAsync(type, "k1", "v2", first);

        Assert.NotEqual(first, second);
        var stored = await Store.ReadAsync(type, "k1");
        Assert.Equal(new StoredState(type, "k1", second, "v2", Start + Duration.FromMinutes(5)), stored);
    }

    [Fact]
    public async Task WriteAsync_WithoutETagWhenRowExists_ThrowsInconsistentStateWithStoredETag()
    {
        var etag = await Store.WriteAsync(type, "k1", "v1", null);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Store.WriteAsync(type, "k1", "v2", null));

        Assert.Null(error.ExpectedETag);
        Assert.Equal(etag, error.StoredETag);
        Assert.Equal((type, "k1"), (error.GrainType, error.GrainKey));
        Assert.Equal("v1", (await Store.ReadAsync(type, "k1"))?.Payload);
    }

    [Fact]
    public async Task WriteAsync_WithStaleETag_ThrowsInconsistentStateAndKeepsNewerWrite()
    {
        var first = await Store.WriteAsync(type, "k1", "v1", null);
        var second = await Store.WriteAsync(type, "k1", "v2", first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Store.WriteAsync(type, "k1", "stale", first));

        Assert.Equal(first, error.ExpectedETag);
        Assert.Equal(second, error.StoredETag);
        Assert.Contains(second, error.Message);
        Assert.Equal(new StoredState(type, "k1", second, "v2", Start), await Store.ReadAsync(type, "k1"));
    }

    [Fact]
    public async Task WriteAsync_WithETagWhenNoRowExists_ThrowsInconsistentState()
    {
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Store.WriteAsync(type, "k1", "v1", "made-up"));

        Assert.Null(error.StoredETag);
        Assert.Null(await Store.ReadAsync(type, "k1"));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var etag = await Store.WriteAsync(type, "k1", "v0", null);

        var attempts = Enumerable.Range(1, 10).Select(async i =>
        {
            try
            {
                return await Store.WriteAsync(type, "k1", $"v{i}", etag);
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        });
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, (await Store.ReadAsync(type, "k1"))?.ETag);
    }

    [Fact]
    public async Task WriteAsync_200ConcurrentWritesToDistinctKeys_AllSucceed()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"key-{i:D3}").ToList();

        var etags = await Task.WhenAll(keys.Select(k => Store.WriteAsync(type, k, $"payload of {k}", null)));

        Assert.Equal(200, etags.Distinct().Count());
        var all = await ReadAll(Store, type);
        Assert.Equal(keys, all.Select(s => s.GrainKey));
        Assert.All(all, s => Assert.Equal($"payload of {s.GrainKey}", s.Payload));
    }

    [Fact]
    public async Task ClearAsync_WithCurrentETag_RemovesRowAndAllowsAFreshFirstWrite()
    {
        var etag = await Store.WriteAsync(type, "k1", "v1", null);

        await Store.ClearAsync(type, "k1", etag);

        Assert.Null(await Store.ReadAsync(type, "k1"));
        var again = await Store.WriteAsync(type, "k1", "v2", null);
        Assert.NotEqual(etag, again);
        Assert.Equal("v2", (await Store.ReadAsync(type, "k1"))?.Payload);
    }

    [Fact]
    public async Task ClearAsync_WithStaleETag_ThrowsAndKeepsRow()
    {
        var first = await Store.WriteAsync(type, "k1", "v1", null);
        var second = await Store.WriteAsync(type, "k1", "v2", first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Store.ClearAsync(type, "k1", first));

        Assert.Equal(second, error.StoredETag);
        Assert.Equal("v2", (await Store.ReadAsync(type, "k1"))?.Payload);
    }

    [Fact]
    public async Task ClearAsync_WithoutETag_SucceedsWhenNoRowAndThrowsWhenOneExists()
    {
        await Store.ClearAsync(type, "absent", null);
        var etag = await Store.WriteAsync(type, "k1", "v1", null);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Store.ClearAsync(type, "k1", null));

        Assert.Equal(etag, error.StoredETag);
        Assert.NotNull(await Store.ReadAsync(type, "k1"));
    }

    [Fact]
    public async Task ReadAllAsync_SeveralTypes_ReturnsOnlyThatTypeOrderedByKeyOrdinally()
    {
        var other = NewType();
        foreach (var key in new[] { "b", "a", "B", "c" })
            await Store.WriteAsync(type, key, $"{type}:{key}", null);
        await Store.WriteAsync(other, "a", "other", null);

        var all = await ReadAll(Store, type);

        Assert.Equal(["B", "a", "b", "c"], all.Select(s => s.GrainKey));
        Assert.All(all, s => Assert.Equal((type, $"{type}:{s.GrainKey}"), (s.GrainType, s.Payload)));
        Assert.Single(await ReadAll(Store, other));
    }

    [Fact]
    public async Task ReadAllAsync_UnknownType_ReturnsNothing()
    {
        Assert.Empty(await ReadAll(Store, NewType()));
    }

    // ------------------------------------------------------------ reminders

    [Fact]
    public async Task UpsertReminderAsync_NewReminder_IsReadBackAsReturned()
    {
        var entry = new ReminderEntry(type, "k1", "deadline", Start + Duration.FromHours(2), Duration.FromMinutes(15), ETag: "ignored");

        var stored = await Store.UpsertReminderAsync(entry);

        Assert.Equal(entry with { ETag = stored.ETag }, stored);
        Assert.NotEqual("ignored", stored.ETag);
        Assert.Equal([stored], await Store.ReadRemindersAsync(type, "k1"));
    }

    [Fact]
    public async Task UpsertReminderAsync_ExistingReminder_ReplacesDueAtPeriodAndETag()
    {
        var first = await Store.UpsertReminderAsync(new ReminderEntry(type, "k1", "deadline", Start, Duration.FromMinutes(1), ""));

        var second = await Store.UpsertReminderAsync(new ReminderEntry(type, "k1", "deadline", Start + Duration.FromDays(1), null, first.ETag));

        Assert.NotEqual(first.ETag, second.ETag);
        var read = Assert.Single(await Store.ReadRemindersAsync(type, "k1"));
        Assert.Equal(second, read);
        Assert.Null(read.Period);
        Assert.Equal(Start + Duration.FromDays(1), read.DueAt);
    }

    [Fact]
    public async Task UpsertReminderAsync_SubMillisecondValues_AreStoredToTheMillisecond()
    {
        var entry = new ReminderEntry(type, "k1", "r", Start + Duration.FromNanoseconds(1_999_999), Duration.FromNanoseconds(5_000_700_000), "");

        var stored = await Store.UpsertReminderAsync(entry);

        Assert.Equal(Start + Duration.FromMilliseconds(1), stored.DueAt);
        Assert.Equal(Duration.FromMilliseconds(5000), stored.Period);
        Assert.Equal(stored, Assert.Single(await Store.ReadRemindersAsync(type, "k1")));
    }

    [Fact]
    public async Task ReadRemindersAsync_SeveralGrains_ReturnsOnlyThatGrainsRemindersByName()
    {
        var b = await Store.UpsertReminderAsync(new ReminderEntry(type, "k1", "b", Start, null, ""));
        var a = await Store.UpsertReminderAsync(new ReminderEntry(type, "k1", "a", Start, null, ""));
        await Store.UpsertReminderAsync(new ReminderEntry(type, "k2", "a", Start, null, ""));

        Assert.Equal([a, b], await Store.ReadRemindersAsync(type, "k1"));
        Assert.Empty(await Store.ReadRemindersAsync(type, "nobody"));
    }

    [Fact]
    public async Task ReadAllRemindersAsync_SeveralGrainsAndTypes_ReturnsEveryReminderInKeyOrder()
    {
        var other = NewType();
        var r1 = await Store.UpsertReminderAsync(new ReminderEntry(type, "k2", "x", Start, null, ""));
        var r2 = await Store.UpsertReminderAsync(new ReminderEntry(type, "k1", "y", Start + Duration.FromSeconds(1), Duration.FromHours(1), ""));
        var r3 = await Store.UpsertReminderAsync(new ReminderEntry(other, "k1", "z", Start, null, ""));

        var all = await ((IReminderTable)Store).ReadAllAsync();

        var ours = all.Where(r => r.GrainType == type || r.GrainType == other).ToList();
        var expected = new[] { r1, r2, r3 }
            .OrderBy(r => r.GrainType, StringComparer.Ordinal).ThenBy(r => r.GrainKey, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal);
        Assert.Equal(expected, ours);
    }

    [Fact]
    public async Task DeleteReminderAsync_WithoutETag_RemovesWhateverIsThere()
    {
        await Store.UpsertReminderAsync(new ReminderEntry(type, "k1", "r", Start, null, ""));
        IReminderTable table = Store;

        Assert.True(await table.DeleteAsync(type, "k1", "r", null));
        Assert.False(await table.DeleteAsync(type, "k1", "r", null));
        Assert.Empty(await table.ReadAsync(type, "k1"));
    }

    [Fact]
    public async Task DeleteReminderAsync_WithETag_RemovesOnlyWhenItMatches()
    {
        var first = await Store.UpsertReminderAsync(new ReminderEntry(type, "k1", "r", Start, null, ""));
        var second = await Store.UpsertReminderAsync(first with { DueAt = Start + Duration.FromMinutes(1) });

        Assert.False(await Store.DeleteReminderAsync(type, "k1", "r", first.ETag));
        Assert.Equal([second], await Store.ReadRemindersAsync(type, "k1"));
        Assert.True(await Store.DeleteReminderAsync(type, "k1", "r", second.ETag));
        Assert.Empty(await Store.ReadRemindersAsync(type, "k1"));
    }

    // ------------------------------------------------------------ lifecycle

    [Fact]
    public async Task InitializeAsync_SecondStoreOnSameDatabase_IsIdempotentAndSeesTheData()
    {
        var etag = await Store.WriteAsync(type, "k1", "v1", null);

        var second = await NewStoreAsync(fixture.Options);
        await second.InitializeAsync();

        Assert.Equal(second.SchemaVersion, await second.ReadSchemaVersionAsync());
        Assert.Equal(etag, (await second.ReadAsync(type, "k1"))?.ETag);
    }

    [Fact]
    public async Task InitializeAsync_TwoStoresTogetherOnAFreshDatabase_BothSucceed()
    {
        var options = await fixture.NewDatabaseAsync();
        var one = AdoNetStore.Create(options, clock);
        var two = AdoNetStore.Create(options, clock);
        stores.Add(one);
        stores.Add(two);

        await Task.WhenAll(one.InitializeAsync(), two.InitializeAsync());

        Assert.Equal(one.SchemaVersion, await two.ReadSchemaVersionAsync());
        var etag = await one.WriteAsync(type, "k1", "v1", null);
        Assert.Equal(etag, (await two.ReadAsync(type, "k1"))?.ETag);
    }

    [Fact]
    public async Task DisposeAsync_NewStoreInstanceOnSameDatabase_SeesStateAndReminders()
    {
        var options = await fixture.NewDatabaseAsync();
        var etag = "";
        ReminderEntry reminder;
        await using (var first = AdoNetStore.Create(options, clock))
        {
            await first.InitializeAsync();
            etag = await first.WriteAsync(type, "k1", "kept", null);
            reminder = await first.UpsertReminderAsync(new ReminderEntry(type, "k1", "r", Start, Duration.FromSeconds(30), ""));
        }

        var second = await NewStoreAsync(options);

        Assert.Equal(new StoredState(type, "k1", etag, "kept", Start), await second.ReadAsync(type, "k1"));
        Assert.Equal([reminder], await second.ReadAllRemindersAsync());
    }

    [Fact]
    public async Task InitializeAsync_UnreachableStore_ThrowsStorageUnavailableNamingTheStore()
    {
        await using var store = AdoNetStore.Create(UnreachableOptions);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InitializeAsync());

        Assert.Equal(UnreachableDescription, store.Description);
        Assert.Equal(UnreachableDescription, error.Store);
        Assert.StartsWith($"Storage unavailable: {UnreachableDescription}: ", error.Message);
        Assert.DoesNotContain("secret", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(error.InnerException);
    }

    // ------------------------------------------------------------ helpers

    private async Task<AdoNetStore> NewStoreAsync(StoreOptions options)
    {
        var store = AdoNetStore.Create(options, clock);
        stores.Add(store);
        await store.InitializeAsync();
        return store;
    }

    private static string NewType() => "grain." + Guid.NewGuid().ToString("N")[..12];

    private static async Task<List<StoredState>> ReadAll(IGrainStorage storage, string grainType)
    {
        var all = new List<StoredState>();
        await foreach (var state in storage.ReadAllAsync(grainType))
            all.Add(state);
        return all;
    }
}
