using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.LoadTests.Seeding;
using NodaTime;
using Npgsql;

namespace Dispatch.LoadTests.Queries;

/// <summary>
/// What the reads ask for: the township handling the most cases, the department with the most summonses and the county
/// with the most cases (the realistic worst cases), the city, the last full month and quarter before the end of the
/// history, and that end as "now".
/// </summary>
public sealed record ReadTargets(
    string TownshipId,
    long TownshipCases,
    long TownshipOpenCases,
    string DepartmentId,
    long DepartmentSummonses,
    long DepartmentOpenSummonses,
    string CountyId,
    long CountyCases,
    string CityId,
    LocalDate Month,
    LocalDate Quarter,
    Instant Now)
{
    /// <summary>Finds the busiest township, department and county in the seeded tables.</summary>
    public static async Task<ReadTargets> FindAsync(string connectionString, CityModel city, Instant now, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        var (township, townshipCases, townshipOpen) = await BusiestAsync(db,
            "SELECT center_id, count(*), count(*) FILTER (WHERE is_open) FROM case_view WHERE level = 'Township' GROUP BY center_id ORDER BY 2 DESC, 1 LIMIT 1", ct);
        var (department, summonses, openSummonses) = await BusiestAsync(db,
            "SELECT department_id, count(*), count(*) FILTER (WHERE is_open) FROM summons_view GROUP BY department_id ORDER BY 2 DESC, 1 LIMIT 1", ct);
        var (county, countyCases, _) = await BusiestAsync(db,
            "SELECT county_id, count(*), 0 FROM case_view GROUP BY county_id ORDER BY 2 DESC, 1 LIMIT 1", ct);
        var today = StatsPeriods.DayOf(now);
        return new ReadTargets(township, townshipCases, townshipOpen, department, summonses, openSummonses, county, countyCases, city.City.Id,
            StatsPeriods.Previous(StatsPeriod.Month, today), StatsPeriods.Previous(StatsPeriod.Quarter, today), now);
    }

    private static async Task<(string Id, long Rows, long Open)> BusiestAsync(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new SeedException($"The seeded tables are empty ({sql}).");
        return (reader.GetString(0), reader.GetInt64(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A local date as the API takes it (yyyy-MM-dd).</summary>
    public static string Iso(LocalDate date) => ReadModelTables.Day(date);
}
