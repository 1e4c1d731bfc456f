using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Dispatch.Silo.Notifications;
using System.Net;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>A request the receiver got: the event id header, whether the signature matched the body, the body, and the SMS query.</summary>
public sealed record ReceivedCall(string Path, string? EventId, bool SignatureValid, string Body, string? Phone, string? Text);

/// <summary>
/// A real HTTP receiver on loopback (HttpListener): <c>/hook</c> checks <c>X-Dispatch-Signature</c> against
/// <see cref="Secret"/> and answers 500 to the first <see cref="FailFirst"/> calls, then 200; <c>/sms</c> is an SMS
/// gateway that takes <c>?to=&amp;text=</c>. It can be stopped and started again on the same port.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret";
    private HttpListener? _listener;
    private Task? _loop;
    private int _hookCalls;

    private NotificationReceiver(int port) => Port = port;

    public int Port { get; }

    public int FailFirst { get; set; }

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public string HookUrl => $"http://127.0.0.1:{Port}/hook";

    public string SmsUrl => $"http://127.0.0.1:{Port}/sms?to={{phone}}&text={{message}}";

    public static async Task<NotificationReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new NotificationReceiver(Dispatch.Testing.FreePorts.Next()) { FailFirst = failFirst };
        await receiver.StartAgainAsync();
        return receiver;
    }

    public Task StartAgainAsync()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _listener = listener;
        _loop = Task.Run(() => ServeAsync(listener));
        return Task.CompletedTask;
    }

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var eventId = context.Request.Headers[WebhookChannel.EventIdHeader];
            var status = 200;
            if (context.Request.Url!.AbsolutePath == "/hook")
            {
                var valid = context.Request.Headers[WebhookChannel.SignatureHeader] == WebhookChannel.Sign(Secret, body);
                var n = Interlocked.Increment(ref _hookCalls);
                Calls.Enqueue(new ReceivedCall("/hook", eventId, valid, Encoding.UTF8.GetString(body), null, null));
                if (n <= FailFirst) status = 500;
            }
            else
            {
                Calls.Enqueue(new ReceivedCall("/sms", eventId, false, "", context.Request.QueryString["to"], context.Request.QueryString["text"]));
            }
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async Task StopAsync()
    {
        if (_listener is null) return;
        _listener.Stop();
        _listener.Close();
        await _loop!;
        _listener = null;
    }

    public IReadOnlyList<ReceivedCall> Hooks(string? eventId = null) =>
        Calls.Where(c => c.Path == "/hook" && (eventId is null || c.EventId == eventId)).ToList();

    /// <summary>Waits (looking every 50 ms, at most <paramref name="patience"/>) until <paramref name="done"/> holds.</summary>
    public static Task UntilAsync(Func<bool> done, TimeSpan patience, Func<string> failure) =>
        UntilAsync(() => Task.FromResult(done()), patience, failure);

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan patience, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < patience, failure());
            await Task.Delay(50); // the delivery runs in the background: look again shortly
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

/// <summary>A real SMTP server: Debian's python3-aiosmtpd writing what it receives into a maildir.</summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public static async Task<SmtpServer> StartAsync()
    {
        const string python = "/usr/bin/python3";
        Assert.True(File.Exists(python), "python3 is missing: install Debian's python3-aiosmtpd (.ci/run does).");
        var port = Dispatch.Testing.FreePorts.Next();
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("dispatch-mail-").FullName, "maildir"); // aiosmtpd creates it
        var start = new ProcessStartInfo(python) { RedirectStandardError = true };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var server = new SmtpServer(process, port, maildir);
        // Ready when it accepts a connection.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                Assert.Fail("aiosmtpd exited: install Debian's python3-aiosmtpd (.ci/run does). " + await process.StandardError.ReadToEndAsync());
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (System.Net.Sockets.SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100); // the server is starting: try again shortly
            }
        }
    }

    /// <summary>The messages received so far (raw text).</summary>
    public IReadOnlyList<string> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(File.ReadAllText).ToList() : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
