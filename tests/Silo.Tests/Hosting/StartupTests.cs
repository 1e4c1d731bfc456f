using System.Diagnostics;
using System.Net;
using Dispatch.Testing;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Silo.Tests.Hosting;

/// <summary>The silo refuses to start on bad settings, a bad city file or an unreachable store, saying which in one line.</summary>
public sealed class StartupTests
{
    private static readonly string Sqlite = $"--Storage:ConnectionString={TestDatabases.NewSqliteFile()}";

    private static async Task<string> FailureOfAsync(params string[] args)
    {
        try
        {
            await using var app = DispatchSiloApp.Build(["--urls=http://127.0.0.1:0", .. args]);
            await app.StartAsync();
            await app.StopAsync();
        }
        catch (Exception e)
        {
            return StartupFailure.Describe(e);
        }
        Assert.Fail("The silo started.");
        return "";
    }

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dispatch-city-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Start_SecondSiloOnTheSameSqliteFile_RefusesInOneLine()
    {
        var file = TestDatabases.NewSqliteFile();
        await using var first = await Dispatch.Testing.Hosting.TestSiloApp.StartAsync([$"--Storage:ConnectionString={file}"]);
        var message = await FailureOfAsync($"--Storage:ConnectionString={file}");
        Assert.StartsWith($"Another silo is already running on the SQLite file {Path.GetFullPath(file)}", message, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider=postgres", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public async Task Build_MissingCityFile_FailsNamingTheFile()
    {
        var message = await FailureOfAsync(Sqlite, "--City:File=/nowhere/city.json");
        Assert.Equal("City file not found: /nowhere/city.json", message);
    }

    [Fact]
    public async Task Build_InvalidCityFile_FailsNamingTheFileAndPath()
    {
        var file = TempFile("""{ "centers": [ { "id": "x", "name": "X", "level": "galaxy", "parentId": null } ], "departments": [], "grids": [], "rotas": [] }""");
        var message = await FailureOfAsync(Sqlite, $"--City:File={file}");
        Assert.StartsWith($"City file invalid: {file}: $.centers[0]", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public async Task Build_CityFileNotJson_FailsNamingTheFile()
    {
        var file = TempFile("{ not json");
        var message = await FailureOfAsync(Sqlite, $"--City:File={file}");
        Assert.StartsWith($"City file invalid: {file}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnreachablePostgres_FailsNamingTheStore()
    {
        var message = await FailureOfAsync(
            "--Storage:Provider=postgres",
            "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=dispatch;Username=dispatch;Timeout=5",
            $"--Auth:SigningKey={SiloHost.SigningKey}",
            $"--City:File={SiloHost.CityFile}");
        Assert.StartsWith("Storage unavailable: PostgreSQL 127.0.0.1:1/dispatch: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_PostgresWithoutSigningKey_FailsAskingForOne()
    {
        var message = await FailureOfAsync("--Storage:Provider=postgres", "--Storage:ConnectionString=Host=127.0.0.1;Port=1", $"--City:File={SiloHost.CityFile}");
        Assert.StartsWith("Auth:SigningKey is required with the postgres store", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Storage:Provider=oracle", "Storage: Unknown storage provider 'oracle'")]
    [InlineData("--Auth:SigningKey=c2hvcnQ=", "Auth:SigningKey: the signing key has 5 bytes")]
    [InlineData("--Auth:DevTokens=perhaps", "Configuration section 'Auth'")]
    [InlineData("--Deadlines:SweepBatch=0", "Configuration: Deadlines:SweepBatch must be positive.")]
    [InlineData("--Auth:Authority=http://sso.example.gov.cn/realms/city", "Auth:Authority 'http://sso.example.gov.cn/realms/city' is plain http")]
    [InlineData("--Auth:Authority=https://sso.example.gov.cn/realms/city", "Auth:Audience is required with Auth:Authority")]
    [InlineData("--Auth:Authority=sso.example.gov.cn", "Auth:Authority 'sso.example.gov.cn' is not an absolute http(s) URL.")]
    [InlineData("--RateLimit:Burst=10", "RateLimit:Burst (10) must be at least RateLimit:PermitsPerPeriod (1000)")]
    [InlineData("--RateLimit:PermitsPerPeriod=0", "RateLimit:PermitsPerPeriod and RateLimit:AnonymousPermitsPerPeriod must be at least 1.")]
    [InlineData("--Live:HeartbeatInterval=00:00:00", "Configuration: Live:HeartbeatInterval must be positive.")]
    [InlineData("--OTEL_EXPORTER_OTLP_ENDPOINT=not a uri", "OTEL_EXPORTER_OTLP_ENDPOINT is not an absolute URI")]
    [InlineData("--Open311:Clients:0:ApiKey=platform-key-1", "Open311:Clients:0:Scope '' is not a township, county or city center")]
    public async Task Build_BadSetting_FailsNamingIt(string setting, string expected)
    {
        var message = await FailureOfAsync(Sqlite, $"--City:File={SiloHost.CityFile}", setting);
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("City file not found: /nowhere/city.json", "--City:File=/nowhere/city.json")]
    [InlineData("Storage unavailable: PostgreSQL 127.0.0.1:1/dispatch: ",
        "--Storage:Provider=postgres", "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=dispatch;Username=dispatch;Timeout=5")]
    public async Task Main_CannotStart_PrintsOneLineWithoutStackTraceAndExits1(string expected, params string[] settings)
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "Dispatch.Silo.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { silo, "--urls=http://127.0.0.1:0", Sqlite, $"--City:File={SiloHost.CityFile}", $"--Auth:SigningKey={SiloHost.SigningKey}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var setting in settings)
            start.ArgumentList.Add(setting);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevTokensOff_DevTokenEndpoint_Returns404()
    {
        await using var host = await SiloHost.StartSqliteAsync("--Auth:DevTokens=false");
        using var response = await host.Http.PostJsonAsync("/api/v1/auth/dev-token", new { role = "admin" });
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("sqlite", null, null, true)]
    [InlineData("sqlite", "custom.db", null, false)]
    [InlineData("sqlite", "custom.db", "true", true)]
    [InlineData("postgres", "Host=db", null, false)]
    [InlineData("postgres", "Host=db", "true", true)]
    [InlineData("sqlite", null, "false", false)]
    public void Load_DevTokensDefault_OnlyForTheEmbeddedStore(string provider, string? connectionString, string? devTokens, bool expected)
    {
        var root = Directory.CreateTempSubdirectory("dispatch-root").FullName;
        var settings = SiloSettings.Load(Configuration(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Auth:DevTokens"] = devTokens,
            ["Auth:SigningKey"] = provider == "postgres" ? SiloHost.SigningKey : null,
            ["City:File"] = SiloHost.CityFile,
        }), root);

        Assert.Equal(expected, settings.DevTokens);
        if (provider == "sqlite")
            Assert.Equal(Path.Combine(root, connectionString ?? "data/dispatch.db"), settings.Store.ConnectionString);
    }

    [Fact]
    public void Load_NoSigningKeyWithSqlite_GeneratesOneBesideTheDatabaseAndKeepsIt()
    {
        var root = Directory.CreateTempSubdirectory("dispatch-root").FullName;
        var configuration = Configuration(new() { ["City:File"] = SiloHost.CityFile });

        var first = SiloSettings.Load(configuration, root);
        var second = SiloSettings.Load(configuration, root);

        var keyFile = Path.Combine(root, "data", "signing.key");
        Assert.Equal(keyFile, first.SigningKey.Source);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.True(first.SigningKey.Bytes.SequenceEqual(second.SigningKey.Bytes));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
