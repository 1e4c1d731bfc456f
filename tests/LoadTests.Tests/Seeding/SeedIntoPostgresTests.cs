using Dispatch.Grains.Domain.City;
using Dispatch.LoadTests.Seeding;
using Dispatch.Testing;
using NodaTime;
using Npgsql;

namespace Dispatch.LoadTests.Tests.Seeding;

/// <summary>A real, small seed into the test PostgreSQL (DISPATCH_TEST_PG, or a throwaway cluster).</summary>
public sealed class SeedIntoPostgresTests
{
    [Fact]
    public async Task TwoThousandCases_LandInTheThreeTables_WithTheirIndexes()
    {
        var ct = CancellationToken.None;
        var connection = await TestDatabases.NewPostgresDatabaseAsync(ct);
        var city = CityLoader.Load(Path.Combine(CityLoader.DataDirectory, "city-baotou.json"));
        var spec = HistorySpec.Ending(Instant.FromUtc(2026, 11, 25, 2, 30), 0.25, 2_000, 9);
        var expected = new HistoryGenerator(city, spec).All().ToList();

        await ReadModelSeeder.PrepareAsync(connection, truncate: false, ct);
        var schemaIndexes = await IndexCountsAsync(connection, ct);
        var result = await ReadModelSeeder.SeedAsync(connection, city, spec, new LineSeedProgress(TextWriter.Null), ct);

        Assert.Equal(2_000, result.Cases);
        Assert.Equal(expected.Sum(c => c.View.Summonses.Count), result.Summonses);
        Assert.Equal(expected.Sum(c => c.Facts.Count), result.Facts);
        Assert.Equal(expected.Count(c => c.IsOpen), result.OpenCases);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        Assert.Equal(result.Cases, await ScalarAsync(db, "SELECT count(*) FROM case_view", ct));
        Assert.Equal(result.Summonses, await ScalarAsync(db, "SELECT count(*) FROM summons_view", ct));
        Assert.Equal(result.Facts, await ScalarAsync(db, "SELECT count(*) FROM stats_fact", ct));
        Assert.Equal(result.OpenCases, await ScalarAsync(db, "SELECT count(*) FROM case_view WHERE is_open", ct));
        Assert.Equal(expected.Sum(c => c.Facts.Values.Sum(t => t.Accepted)), await ScalarAsync(db, "SELECT sum(accepted) FROM stats_fact", ct));
        // The indexes dropped for the load are back: every one the schema made, primary keys included.
        Assert.True(schemaIndexes.All(t => t.Value > 0), "the schema made no index on a read-model table");
        Assert.Equal(schemaIndexes, await IndexCountsAsync(connection, ct));

        var refused = await Assert.ThrowsAsync<SeedException>(() => ReadModelSeeder.PrepareAsync(connection, truncate: false, ct));
        Assert.Contains("--truncate", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, long>> IndexCountsAsync(string connection, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "case_view", "summons_view", "stats_fact" })
            counts[table] = await ScalarAsync(db, $"SELECT count(*) FROM pg_indexes WHERE tablename = '{table}'", ct);
        return counts;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
