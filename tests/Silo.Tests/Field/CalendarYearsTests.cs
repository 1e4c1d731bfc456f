using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace Dispatch.Silo.Tests.Field;

/// <summary>
/// The silo warns when the working calendar lacks the current or next year: in the start banner and on /health (for the
/// duty board); a calendar that covers both gives no warning.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class CalendarYearsTests(SqliteSiloFixture fixture)
{
    [Fact]
    public async Task ShippedCalendar_InNovember2026_Lacks2027_BannerAndHealthSaySo()
    {
        using var output = new StringWriter();
        StartupBanner.Print(fixture.Host.App, output);

        using var health = await fixture.Host.Http.GetAsync("/health");
        var body = await health.ReadAsync<JsonElement>();

        Assert.Equal([2027], body.GetProperty("calendarMissingYears").EnumerateArray().Select(y => y.GetInt32()));
        var warning = Assert.Single(output.ToString().Split('\n'), l => l.Contains("WARNING"));
        Assert.Contains("2027", warning);
        Assert.Contains("calendar-cn.json", warning);
    }

    [Fact]
    public async Task Start_LogsTheWarning_OnlyWhenAYearIsMissing()
    {
        var settings = fixture.Host.App.Services.GetRequiredService<SiloSettings>();
        var lines = new List<(LogLevel, string)>();
        var logger = new ListLogger(lines);

        await new CalendarYears(settings, new FakeClock(Instant.FromUtc(2025, 6, 1, 0, 0)), logger).StartAsync(CancellationToken.None);
        Assert.Empty(lines);
        await new CalendarYears(settings, new FakeClock(Instant.FromUtc(2026, 12, 1, 0, 0)), logger).StartAsync(CancellationToken.None);

        var (level, text) = Assert.Single(lines);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("no holidays for 2027", text);
    }

    private sealed class ListLogger(List<(LogLevel, string)> lines) : ILogger<CalendarYears>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add((logLevel, formatter(state, exception)));
    }

    [Fact]
    public async Task CalendarWithTheNextYear_NoWarning()
    {
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "calendar-cn.json")))!;
        shipped["years"]!.AsArray().Add(new JsonObject { ["year"] = 2027, ["source"] = "test: no holidays listed" });
        var file = Path.Combine(Path.GetTempPath(), $"calendar-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, shipped.ToJsonString());
        try
        {
            await using var host = await SiloHost.StartAsync(
                ["--Storage:Provider=sqlite", $"--Storage:ConnectionString={TestDatabases.NewSqliteFile()}"], $"--Calendar:File={file}");
            using var output = new StringWriter();
            StartupBanner.Print(host.App, output);
            using var health = await host.Http.GetAsync("/health");

            Assert.False((await health.ReadAsync<JsonElement>()).TryGetProperty("calendarMissingYears", out _));
            Assert.DoesNotContain("WARNING", output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
