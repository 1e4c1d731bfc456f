using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Dispatch.LoadTests.Queries;

/// <summary>What the tables hold for each read, counted in SQL, to tell whether the silo's answers come from them.</summary>
/// <param name="TownshipOpen">Cases open and handled by the township.</param>
/// <param name="TownshipAll">Cases handled by the township.</param>
/// <param name="TownshipOverdue">Of the open ones, those past due at the end of the history.</param>
/// <param name="DepartmentOpen">The department's open summonses.</param>
/// <param name="CountyMonthAccepted">Cases accepted in the county's townships in the month.</param>
public sealed record TableCounts(long TownshipOpen, long TownshipAll, long TownshipOverdue, long DepartmentOpen, long CountyMonthAccepted);

/// <summary>
/// Times the dashboard's and API's read paths over HTTP, one request at a time with an admin token: untimed warm-up
/// requests first, then the timed ones; each read's answer is checked against what the tables hold.
/// </summary>
public sealed class HttpReads(Uri baseUrl, string token, int warmup, int repetitions) : IDisposable
{
    public const string OpenPage1 = "township open cases, page 1";
    public const string OpenPage200 = "township open cases, page 200";
    public const string AllPage200 = "township all cases, page 200";
    public const string Overdue = "township overdue cases";
    public const string Inbox = "department open summonses";
    public const string CountyMonth = "county month statistics";
    public const string Ranking = "city ranking by township (month)";
    public const string ReportOpen = "quarter report, opened (HTML)";

    private readonly HttpClient _http = CreateClient(baseUrl, token);

    /// <summary>Every read in the order of the report; <paramref name="reportId"/> null when no report could be produced.</summary>
    public async Task<IReadOnlyList<ReadTiming>> RunAsync(ReadTargets t, TableCounts expected, string? reportId, Action<string> log, CancellationToken ct)
    {
        var results = new List<ReadTiming>();
        var cases = $"/api/v1/cases?center={t.TownshipId}";
        var open = "&state=open";
        string? openNote = null;
        using (var probe = await _http.GetAsync($"{cases}{open}&page=1&pageSize=50", ct))
        {
            if ((int)probe.StatusCode == 400)
            {
                open = "";
                openNote = "state=open is refused by this silo (400): timed without it, so over all states";
            }
        }
        var openExpected = open.Length > 0 ? expected.TownshipOpen : expected.TownshipAll;
        async Task Time(string name, string request, Func<JsonElement, long?> matched, long? should, string? note = null)
        {
            log($"  {name}: GET {request}");
            results.Add(await TimeAsync(name, request, matched, should, note, ct));
        }

        await Time(OpenPage1, $"{cases}{open}&page=1&pageSize=50", Total, openExpected, openNote);
        await Time(OpenPage200, $"{cases}{open}&page=200&pageSize=50", Total, openExpected, openNote);
        await Time(AllPage200, $"{cases}&page=200&pageSize=50", Total, expected.TownshipAll);
        await Time(Overdue, $"{cases}&overdue=true&page=1&pageSize=50", Total, expected.TownshipOverdue,
            "overdue is judged at the silo's now, a little after the end of the seeded history");
        await Time(Inbox, $"/api/v1/departments/{t.DepartmentId}/summonses?state=open", Length, expected.DepartmentOpen);
        await Time(CountyMonth, $"/api/v1/stats?scope={t.CountyId}&period=month&at={ReadTargets.Iso(t.Month)}", Accepted, expected.CountyMonthAccepted);
        await Time(Ranking, $"/api/v1/stats/ranking?scope={t.CityId}&period=month&at={ReadTargets.Iso(t.Month)}&by=township", Length, null);
        if (reportId is null)
            results.Add(ReadTiming.Failed(ReportOpen, "/api/v1/stats/reports/{id}?format=html", "no quarter report was produced (see the production row)"));
        else
            await Time(ReportOpen, $"/api/v1/stats/reports/{reportId}?format=html", _ => null, null);
        return results;
    }

    private async Task<ReadTiming> TimeAsync(string name, string request, Func<JsonElement, long?> matched, long? expected, string? note,
        CancellationToken ct)
    {
        long? seen = null;
        var samples = new List<double>(repetitions);
        for (var i = 0; i < warmup + repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await _http.GetAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var ms = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
                return ReadTiming.Failed(name, request, $"HTTP {(int)response.StatusCode}: {Shorten(body)}");
            if (i >= warmup) samples.Add(ms);
            if (i == 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                using var json = JsonDocument.Parse(body);
                seen = matched(json.RootElement);
            }
        }
        var notes = new List<string>();
        if (note is not null) notes.Add(note);
        if (expected is { } should && seen is { } got && got != should)
        {
            notes.Add(got == 0
                ? $"the silo found nothing where the tables hold {should:N0}: it does not read the read-model tables (yet)"
                : $"the silo answered {got:N0} where the tables hold {should:N0}");
        }
        return ReadTiming.Of(name, request, samples, seen, notes.Count > 0 ? string.Join("; ", notes) : null);
    }

    private static long? Total(JsonElement page) => page.TryGetProperty("total", out var total) ? total.GetInt64() : null;

    private static long? Length(JsonElement list) => list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : null;

    private static long? Accepted(JsonElement stats) => stats.TryGetProperty("accepted", out var accepted) ? accepted.GetInt64() : null;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static HttpClient CreateClient(Uri baseUrl, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose() => _http.Dispose();
}
