using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dispatch.Testing;

/// <summary>
/// A minimal SignalR client speaking the JSON hub protocol over <see cref="ClientWebSocket"/> (the .NET SignalR client
/// package is not available here): handshake, invocations with completions, and the server's invocations as they come.
/// Every frame ends with the record separator 0x1E. Used by the dashboard's hub tests and the cluster's front-door test.
/// </summary>
public sealed class HubConnection : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _pending = new();
    private readonly Queue<JsonElement> _frames = new();
    private int _nextId;

    private HubConnection()
    {
    }

    /// <summary>Connects to <paramref name="hub"/> (http or https; with ?access_token=) and completes the handshake.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri hub, CancellationToken cancellationToken)
    {
        var connection = new HubConnection();
        var socketUri = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri;
        await connection._socket.ConnectAsync(socketUri, cancellationToken);
        await connection.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await connection.NextFrameAsync(cancellationToken);
        if (handshake.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"The hub refused the handshake: {error}");
        return connection;
    }

    /// <summary>Invokes a hub method and returns its completion (type 3): an "error" property when it failed.</summary>
    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, CancellationToken cancellationToken)
    {
        var id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }), cancellationToken);
        return await NextAsync(f => Type(f) == 3 && f.GetProperty("invocationId").GetString() == id, cancellationToken);
    }

    /// <summary>The next invocation of <paramref name="target"/> by the server whose first argument passes <paramref name="match"/>.</summary>
    public async Task<JsonElement> ReceiveAsync(string target, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        var frame = await NextAsync(
            f => Type(f) == 1 && f.GetProperty("target").GetString() == target && match(f.GetProperty("arguments")[0]),
            cancellationToken);
        return frame.GetProperty("arguments")[0];
    }

    /// <summary>Every server invocation target seen so far, in order (for failure messages).</summary>
    public List<string> Seen { get; } = [];

    private async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await NextFrameAsync(cancellationToken);
            if (Type(frame) == 1)
                Seen.Add(frame.GetProperty("target").GetString()!);
            if (match(frame))
                return frame;
        }
    }

    private async Task<JsonElement> NextFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (_frames.Count == 0)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new InvalidOperationException($"The hub closed the connection: {result.CloseStatus} {result.CloseStatusDescription}");
            _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var text = _pending.ToString();
            int end;
            while ((end = text.IndexOf(RecordSeparator)) >= 0)
            {
                var frame = text[..end];
                text = text[(end + 1)..];
                if (frame.Length > 0)
                    _frames.Enqueue(JsonDocument.Parse(frame).RootElement.Clone());
            }
            _pending.Clear().Append(text);
        }
        return _frames.Dequeue();
    }

    private Task SendAsync(string json, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static int Type(JsonElement frame) => frame.TryGetProperty("type", out var type) ? type.GetInt32() : 0;

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first.
            }
        }
        _socket.Dispose();
    }
}
