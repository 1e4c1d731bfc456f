using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Surge;

namespace Dispatch.LoadTests.SiloHost;

/// <summary>
/// The silo as a child process (<c>dotnet Dispatch.Silo.dll</c>) on a loopback port, its output appended to a log
/// file. It can be killed (SIGKILL, as <c>kill -9</c>) and started again with the same settings, so on the same store.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>How long a start may take until /health answers 200.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly SiloLaunch _launch;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private Process? _process;

    private SiloProcess(SiloLaunch launch)
    {
        _launch = launch;
        Directory.CreateDirectory(Path.GetDirectoryName(launch.LogFile)!);
        _log = new StreamWriter(new FileStream(launch.LogFile, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public Uri BaseUrl => _launch.BaseUrl;

    /// <summary>The running process's id, or null between a kill and the restart.</summary>
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public int Starts { get; private set; }

    /// <summary>A port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the silo and returns once /health answers 200.</summary>
    /// <exception cref="SurgeSetupException">It exited or did not become healthy in time (the message has its log's tail).</exception>
    public static async Task<SiloProcess> StartAsync(SiloLaunch launch, CancellationToken cancellationToken)
    {
        var silo = new SiloProcess(launch);
        try
        {
            await silo.StartProcessAsync(cancellationToken);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, like <c>kill -9</c>: no shutdown code runs. Returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } p || p.HasExited) return;
        Write($"--- dispatch-load: kill -9 {p.Id} ---");
        p.Kill(entireProcessTree: false);
        await p.WaitForExitAsync();
    }

    /// <summary>Starts the silo again with the same settings (same port, same store).</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => StartProcessAsync(cancellationToken);

    /// <summary>SIGTERM (a graceful stop), then SIGKILL if it is still running after 20 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } p || p.HasExited) return;
        Write($"--- dispatch-load: stopping {p.Id} (SIGTERM) ---");
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (term is not null) await term.WaitForExitAsync();
        }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await p.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    /// <summary>The last lines of the silo's log.</summary>
    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(_launch.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_launch.Dll)!,
        };
        info.ArgumentList.Add(_launch.Dll);
        foreach (var (key, value) in _launch.Environment) info.Environment[key] = value;
        Starts++;
        Write($"--- dispatch-load: start #{Starts}: dotnet {_launch.Dll} on {_launch.BaseUrl} ---");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        if (!process.Start()) throw new SurgeSetupException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var health = new DispatchApiClient(_launch.BaseUrl, 2, TimeSpan.FromSeconds(5));
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
                throw new SurgeSetupException($"The silo exited with code {process.ExitCode} while starting. Its log ({_launch.LogFile}) ends:\n{LogTail()}");
            if (await health.IsHealthyAsync(cancellationToken)) return;
            if (deadline.Elapsed > StartTimeout)
            {
                process.Kill(entireProcessTree: true);
                throw new SurgeSetupException($"The silo did not answer /health within {StartTimeout.TotalSeconds:0} s. Its log ({_launch.LogFile}) ends:\n{LogTail()}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private void Write(string line)
    {
        lock (_logLock) _log.WriteLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process?.Dispose();
            lock (_logLock) _log.Dispose();
        }
    }
}
