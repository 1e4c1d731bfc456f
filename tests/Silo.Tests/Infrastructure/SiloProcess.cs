using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>
/// The silo as a real child process (dotnet Dispatch.Silo.dll) on a SQLite file, for crash tests: it can be killed
/// with SIGKILL and started again on the same store.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the silo and returns once its banner has printed the API address (the start signal).</summary>
    public static async Task<SiloProcess> StartAsync(string sqliteFile, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Dispatch.Silo.dll"),
                "--urls=http://127.0.0.1:0",
                "--Storage:Provider=sqlite",
                $"--Storage:ConnectionString={sqliteFile}",
                $"--City:File={SiloHost.CityFile}",
                $"--Auth:SigningKey={SiloHost.SigningKey}",
                "--Auth:DevTokens=true",
                $"--Cluster:SiloPort={Dispatch.Testing.FreePorts.Next()}",
                $"--Cluster:GatewayPort={Dispatch.Testing.FreePorts.Next()}",
                "--Deadlines:SweepInterval=00:00:01",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var lines = new List<string>();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The silo exited before it was ready:\n{string.Join('\n', lines)}");
                lines.Add(line);
                var match = ApiLine().Match(line);
                if (!match.Success) continue;
                var silo = new SiloProcess(process, new Uri(match.Groups[1].Value));
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
