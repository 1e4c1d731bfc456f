using Dispatch.LoadTests.Baselines;

namespace Dispatch.LoadTests.Tests.Baselines;

public sealed class PgBenchBaselineTests
{
    [Fact]
    public void ParseTps_TakesTheTpsLine()
    {
        const string output = """
            transaction type: /tmp/pgbench-upsert.sql
            scaling factor: 1
            number of clients: 4
            number of transactions actually processed: 52345
            latency average = 0.764 ms
            initial connection time = 6.212 ms
            tps = 5234.512345 (without initial connection time)
            """;
        Assert.Equal(5234.512345, PgBenchBaseline.ParseTps(output));
        Assert.Null(PgBenchBaseline.ParseTps("pgbench: error: connection refused"));
    }

    [Fact]
    public void Script_UpsertsOneJsonRowOfAboutTwoKilobytes()
    {
        var script = PgBenchBaseline.Script;
        Assert.StartsWith("\\set id random(1, 100000)", script, StringComparison.Ordinal);
        Assert.Contains("ON CONFLICT (id) DO UPDATE SET etag = load_baseline.etag + 1", script, StringComparison.Ordinal);
        var payload = script[(script.IndexOf('\'', StringComparison.Ordinal) + 1)..script.LastIndexOf('\'')];
        Assert.InRange(payload.Length, 1_500, 3_000);
        using var json = System.Text.Json.JsonDocument.Parse(payload);
        Assert.Equal(5, json.RootElement.GetProperty("summonses").GetArrayLength());
    }
}
