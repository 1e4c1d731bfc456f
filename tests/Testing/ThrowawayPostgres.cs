using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Dispatch.Testing;

/// <summary>
/// A PostgreSQL cluster of its own, made from the machine's binaries for tests and tools: <c>initdb</c> into a
/// temporary directory, started with <c>pg_ctl</c> on a free loopback port with fsync off, trust authentication
/// for user "postgres", and removed again on dispose. When the process runs as root, the server runs as the
/// "postgres" user (PostgreSQL refuses to run as root).
/// </summary>
/// <example>
/// <code>
/// await using var postgres = await ThrowawayPostgres.StartAsync();
/// var connectionString = await postgres.CreateDatabaseAsync("dispatch");
/// </code>
/// </example>
public sealed class ThrowawayPostgres : IAsyncDisposable, IDisposable
{
    /// <summary>How long the server may take to accept connections after <c>pg_ctl start</c>.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private const string ServerUser = "postgres";
    private readonly string binDirectory;
    private readonly bool asServerUser;
    private Process? watchdog;
    private int disposed;

    private ThrowawayPostgres(string binDirectory, string rootDirectory, bool asServerUser)
    {
        this.binDirectory = binDirectory;
        RootDirectory = rootDirectory;
        this.asServerUser = asServerUser;
    }

    /// <summary>The temporary directory holding the data directory, the socket and the server log.</summary>
    public string RootDirectory { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string to the "postgres" maintenance database (user postgres, no password).</summary>
    public string ServerConnectionString => PostgresAdmin.ServerConnectionString(BaseConnectionString);

    /// <summary>Connection string without a database, in the form test.sh exports in DISPATCH_TEST_PG.</summary>
    public string BaseConnectionString => $"Host=127.0.0.1;Port={Port};Username={ServerUser}";

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    private string PgCtl => Path.Combine(binDirectory, "pg_ctl");

    /// <summary>
    /// Makes and starts a cluster; returns once it accepts connections. A detached watchdog stops the server and
    /// removes its directory should this process die without disposing it.
    /// </summary>
    /// <param name="log">Receives progress lines, such as "Starting throwaway PostgreSQL on 127.0.0.1:PORT ..."; may be null.</param>
    /// <param name="cancellationToken">Stops waiting; the half-made cluster is removed.</param>
    /// <exception cref="InvalidOperationException">No binaries, no "postgres" user when root, or the server did not start (the message holds the server log's tail).</exception>
    public static async Task<ThrowawayPostgres> StartAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        var asServerUser = IsRoot();
        if (asServerUser && !await UserExistsAsync(ServerUser, cancellationToken))
            throw new InvalidOperationException($"Running as root, PostgreSQL must run as user '{ServerUser}', and there is none ('apt-get install postgresql' creates it).");

        var root = Path.Combine(Path.GetTempPath(), "dispatch-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new ThrowawayPostgres(bin, root, asServerUser);
        try
        {
            if (asServerUser)
                await RunAsync("chown", [ServerUser, root], asUser: null, root, cancellationToken);
            server.StartWatchdog();
            await server.InitDbAsync(cancellationToken);

            const int attempts = 3;
            for (var attempt = 1; ; attempt++)
            {
                server.Port = FreeLoopbackPort();
                log?.Invoke($"Starting throwaway PostgreSQL on 127.0.0.1:{server.Port} ({root}) ...");
                try
                {
                    await server.StartServerAsync(cancellationToken);
                    break;
                }
                catch (InvalidOperationException) when (attempt < attempts && server.LogTail().Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                {
                    // Somebody took the port between our probe and the server's bind: try another.
                    await server.StopServerAsync(CancellationToken.None);
                }
            }
            await server.WaitUntilReadyAsync(cancellationToken);
            log?.Invoke($"PostgreSQL is up on 127.0.0.1:{server.Port}.");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the empty database <paramref name="name"/> and returns a connection string to it.</summary>
    /// <param name="name">Lower-case letters, digits and underscores, starting with a letter (at most 63).</param>
    public Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        PostgresAdmin.CreateDatabaseAsync(BaseConnectionString, name, cancellationToken);

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>, as after a crash), keeping its data; see <see cref="StartAgainAsync"/>.</summary>
    public Task StopImmediatelyAsync(CancellationToken cancellationToken = default) => StopServerAsync(cancellationToken);

    /// <summary>Starts the stopped server again on the same port and data; returns once it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await StartServerAsync(cancellationToken);
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary><c>pg_ctl restart -m immediate</c>: every connection is cut, then the server recovers and starts again.</summary>
    public async Task RestartImmediatelyAsync(CancellationToken cancellationToken = default)
    {
        await StopServerAsync(cancellationToken);
        await StartAgainAsync(cancellationToken);
    }

    /// <summary>
    /// The directory holding initdb and pg_ctl: the one on PATH when both are there, else the highest version under
    /// /usr/lib/postgresql/*/bin.
    /// </summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL server binaries on this machine.</exception>
    public static string FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (onPath is not null)
            return onPath;

        const string debianRoot = "/usr/lib/postgresql";
        var versioned = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
                .Where(x => x.Version is not null && File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "pg_ctl")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault()
            : null;
        return versioned ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found (initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin). Install them (Debian: apt-get install postgresql), or set DISPATCH_TEST_PG to a server's connection string.");

        static Version? ParseVersion(string name) =>
            Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;
    }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        try
        {
            await StopServerAsync(CancellationToken.None);
        }
        finally
        {
            TryDeleteDirectory(RootDirectory);
            StopWatchdog();
        }
    }

    /// <summary>Stops the server and deletes its directory, blocking (for process-exit handlers).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        try
        {
            using var process = Process.Start(StartInfo(PgCtl, ["-D", DataDirectory, "stop", "-m", "immediate", "-w"], asServerUser, RootDirectory, redirect: false));
            process?.WaitForExit(30_000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Best effort: the directory goes below whatever happened.
        }
        finally
        {
            TryDeleteDirectory(RootDirectory);
            StopWatchdog();
        }
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(Path.Combine(binDirectory, "initdb"),
            ["-D", DataDirectory, "-A", "trust", "-U", ServerUser, "--no-sync", "-E", "UTF8", "--locale=C"],
            asServerUser ? ServerUser : null, RootDirectory, cancellationToken);
        if (exitCode != 0)
            throw new InvalidOperationException($"initdb failed with exit code {exitCode}:{Environment.NewLine}{Tail(output)}");
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var serverOptions = $"-p {Port} -k '{RootDirectory}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        var (exitCode, output) = await RunAsync(PgCtl,
            ["-D", DataDirectory, "-l", LogFile, "-o", serverOptions, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "start"],
            asServerUser ? ServerUser : null, RootDirectory, cancellationToken);
        if (exitCode != 0)
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{Port} (pg_ctl exit code {exitCode}): {output.Trim()}{Environment.NewLine}Server log ({LogFile}), last lines:{Environment.NewLine}{LogTail()}");
    }

    private async Task StopServerAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            return;
        await RunAsync(PgCtl, ["-D", DataDirectory, "stop", "-m", "immediate", "-w"],
            asServerUser ? ServerUser : null, RootDirectory, cancellationToken);
    }

    /// <summary>Polls with real connections until one succeeds, for at most <see cref="StartTimeout"/>.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var probe = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false, Timeout = 5 };
                await using var connection = new NpgsqlConnection(probe.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (watch.Elapsed < StartTimeout)
            {
                // Not ready yet: try again below.
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL on 127.0.0.1:{Port} did not accept connections within {StartTimeout.TotalSeconds:0} s: {e.Message}{Environment.NewLine}Server log ({LogFile}), last lines:{Environment.NewLine}{LogTail()}", e);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>
    /// Starts a detached shell (its own session, stdio on /dev/null) that waits for this process to end and then
    /// stops the server and removes the directory: process-exit handlers do not run when a test host is killed.
    /// </summary>
    private void StartWatchdog()
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            owner=$1; root=$2; data=$3; pg_ctl=$4; run_as=$5
            while kill -0 "$owner"; do sleep 1; done
            if [ -f "$data/postmaster.pid" ]; then
              if [ -n "$run_as" ]; then runuser -u "$run_as" -- "$pg_ctl" -D "$data" stop -m immediate -w
              else "$pg_ctl" -D "$data" stop -m immediate -w; fi
            fi
            rm -rf "$root"
            """;
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "sh", "-c", script, "dispatch-pg-watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), RootDirectory, DataDirectory, PgCtl, asServerUser ? ServerUser : "" })
            info.ArgumentList.Add(argument);
        try
        {
            watchdog = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid here: cleanup then rests on Dispose alone.
        }
    }

    private void StopWatchdog()
    {
        try
        {
            if (watchdog is { HasExited: false })
                watchdog.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended on its own.
        }
        watchdog?.Dispose();
        watchdog = null;
    }

    private string LogTail()
    {
        try
        {
            return File.Exists(LogFile) ? Tail(File.ReadAllText(LogFile)) : "(no server log)";
        }
        catch (IOException e)
        {
            return $"(server log unreadable: {e.Message})";
        }
    }

    private static string Tail(string text, int lines = 30) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static async Task<bool> UserExistsAsync(string user, CancellationToken cancellationToken)
    {
        var (exitCode, _) = await RunAsync("id", ["-u", user], asUser: null, workingDirectory: null, cancellationToken);
        return exitCode == 0;
    }

    private static ProcessStartInfo StartInfo(string file, IReadOnlyList<string> arguments, bool asServerUser, string? workingDirectory, bool redirect)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            RedirectStandardInput = false,
        };
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        if (asServerUser)
        {
            info.FileName = "runuser";
            foreach (var a in new[] { "-u", ServerUser, "--", file })
                info.ArgumentList.Add(a);
        }
        else
        {
            info.FileName = file;
        }
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>Runs a program to its end and returns its exit code and its output and error text together.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, string? asUser, string? workingDirectory, CancellationToken cancellationToken)
    {
        var info = StartInfo(file, arguments, asUser is not null, workingDirectory, redirect: true);
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {info.FileName}: {e.Message}", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        lock (gate)
            return (process.ExitCode, output.ToString());
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in the temp directory; nothing runs there any more.
        }
    }
}

/// <summary>Administration of a test server: connection strings and database creation.</summary>
internal static class PostgresAdmin
{
    /// <summary><paramref name="baseConnectionString"/> pointed at the "postgres" maintenance database.</summary>
    public static string ServerConnectionString(string baseConnectionString) =>
        new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = "postgres" }.ConnectionString;

    public static async Task<string> CreateDatabaseAsync(string baseConnectionString, string name, CancellationToken cancellationToken)
    {
        if (name.Length is 0 or > 63 || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException($"'{name}' is not a plain database name (lower-case letters, digits and '_', starting with a letter, at most 63).", nameof(name));

        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString(baseConnectionString)) { Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = name }.ConnectionString;
    }
}
