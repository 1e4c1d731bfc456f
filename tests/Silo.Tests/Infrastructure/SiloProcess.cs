using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>
/// The silo as a real child process (dotnet Dispatch.Silo.dll), for crash and cluster tests: on a SQLite file, or as
/// one silo of a PostgreSQL cluster; it can be killed with SIGKILL and started again on the same store.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SiloProcess(Process process, Uri address, string name)
    {
        _process = process;
        Address = address;
        Name = name;
    }

    public Uri Address { get; }

    /// <summary>A name for messages ("silo 2").</summary>
    public string Name { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the silo printed (for failure messages).</summary>
    public string Tail(int lines = 40)
    {
        lock (_output) return string.Join('\n', _output.TakeLast(lines));
    }

    /// <summary>
    /// Starts a silo on a SQLite file with <paramref name="extra"/> settings ("--Key=value") and returns once its banner has
    /// printed the API address (the start signal).
    /// </summary>
    public static Task<SiloProcess> StartAsync(string sqliteFile, string workingDirectory, params string[] extra) =>
        StartAsync(["--Storage:Provider=sqlite", $"--Storage:ConnectionString={sqliteFile}", .. extra], workingDirectory, "silo");

    /// <summary>
    /// Starts one silo of the PostgreSQL cluster on <paramref name="connectionString"/> (free silo and gateway ports) with
    /// <paramref name="extra"/> settings ("--Key=value"); returns once its banner has printed the API address.
    /// </summary>
    public static Task<SiloProcess> StartClusteredAsync(string connectionString, string workingDirectory, string name, params string[] extra) =>
        StartAsync(["--Storage:Provider=postgres", $"--Storage:ConnectionString={connectionString}", .. extra], workingDirectory, name);

    private static async Task<SiloProcess> StartAsync(IEnumerable<string> settings, string workingDirectory, string name)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "Dispatch.Silo.dll"),
            "--urls=http://127.0.0.1:0",
            $"--City:File={SiloHost.CityFile}",
            $"--Auth:SigningKey={SiloHost.SigningKey}",
            "--Auth:DevTokens=true",
            $"--Cluster:SiloPort={Dispatch.Testing.FreePorts.Next()}",
            $"--Cluster:GatewayPort={Dispatch.Testing.FreePorts.Next()}",
            "--Deadlines:SweepInterval=00:00:01",
            .. settings,
        ];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var lines = new List<string>();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                    throw new InvalidOperationException($"{name} exited before it was ready:\n{string.Join('\n', lines)}\n{await errors}");
                lines.Add(line);
                var match = ApiLine().Match(line);
                if (!match.Success) continue;
                var silo = new SiloProcess(process, new Uri(match.Groups[1].Value), name);
                silo._output.AddRange(lines);
                _ = silo.DrainAsync();
                return silo;
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    [GeneratedRegex(@"API:\s+(http://[^/\s]+)/api/v1")]
    private static partial Regex ApiLine();

    private async Task DrainAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_output) _output.Add(line);
        }
    }

    /// <summary>kill -9: the process gets no chance to flush or stop gracefully.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
