using System.Diagnostics;
using System.Text.RegularExpressions;
using Dispatch.Testing;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>
/// Debian's nginx (/usr/sbin/nginx) in the foreground with the repository's deploy/nginx/dispatch.conf, its upstreams
/// pointed at the given silos and its listener at a free loopback port; everything else in a temporary directory.
/// </summary>
public sealed partial class NginxFrontDoor : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _directory;

    private NginxFrontDoor(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    /// <summary>Where nginx listens (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; }

    /// <summary>Starts nginx in front of <paramref name="silos"/>; returns once it passes a request to them.</summary>
    public static async Task<NginxFrontDoor> StartAsync(IEnumerable<Uri> silos)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install Debian's nginx (apt-get install nginx; .ci/run does).");
        var directory = Directory.CreateTempSubdirectory("dispatch-nginx-").FullName;
        var port = FreePorts.Next();
        var servers = string.Concat(silos.Select(s => $"    server 127.0.0.1:{s.Port} max_fails=1 fail_timeout=5s;\n"));
        var site = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nginx", "dispatch.conf"));
        site = UpstreamServers().Replace(site, servers);
        site = Listen().Replace(site, $"listen 127.0.0.1:{port};");
        File.WriteAllText(Path.Combine(directory, "dispatch.conf"), site);
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            daemon off;
            {{user}}worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/dispatch.conf;
            }
            """);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", directory, "-c", Path.Combine(directory, "nginx.conf") })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var front = new NginxFrontDoor(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
                Assert.Fail($"nginx exited with code {process.ExitCode}: {await errors}");
            try
            {
                using var health = await http.GetAsync(new Uri(front.Address, "/health"));
                if (health.IsSuccessStatusCode)
                    return front;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, "nginx did not pass /health to a silo within 30 s");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"(?m)(^\s*server 127\.0\.0\.1:\d+[^\n]*\n)+")]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"listen 127\.0\.0\.1:\d+;")]
    private static partial Regex Listen();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
