using System.Text.Json;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>Reads a text/event-stream response: one (event type, JSON data) per message; comments are counted, not returned.</summary>
public sealed class ServerSentEventReader(HttpResponseMessage response, Stream stream) : IAsyncDisposable
{
    private readonly StreamReader _reader = new(stream);

    private readonly List<(string Type, JsonElement Data)> _received = [];

    public int Comments { get; private set; }

    /// <summary>The <c>id:</c> of every message read so far, in order (null for a message without one).</summary>
    public List<string?> Ids { get; } = [];

    /// <summary>Every message read so far, in order.</summary>
    public IReadOnlyList<(string Type, JsonElement Data)> Received => _received;

    /// <summary>A message already read, or else the next one, of <paramref name="type"/> satisfying <paramref name="match"/>.</summary>
    public async Task<JsonElement> ReceivedOrNextAsync(string type, Func<JsonElement, bool> match)
    {
        foreach (var (t, data) in _received)
        {
            if (t == type && match(data))
                return data;
        }
        return await NextAsync(type, match);
    }

    public HttpResponseMessage Response => response;

    /// <summary>Opens the stream of <paramref name="scope"/> and returns once the server has answered (and so subscribed).</summary>
    public static Task<ServerSentEventReader> OpenAsync(HttpClient client, string scope) =>
        OpenPathAsync(client, $"/api/v1/stream?scope={Uri.EscapeDataString(scope)}");

    /// <summary>Opens the stream at <paramref name="pathAndQuery"/>, sending <paramref name="lastEventId"/> as Last-Event-ID when given.</summary>
    public static async Task<ServerSentEventReader> OpenPathAsync(HttpClient client, string pathAndQuery, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new ServerSentEventReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next message whose type is <paramref name="type"/> and whose data satisfies <paramref name="match"/>.</summary>
    /// <exception cref="TimeoutException">None came within <paramref name="timeout"/> (default 20 s).</exception>
    public async Task<JsonElement> NextAsync(string type, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var (eventType, data, id) = await ReadMessageAsync(cancellation.Token);
                seen.Add(eventType);
                Ids.Add(id);
                var element = JsonDocument.Parse(data).RootElement.Clone();
                _received.Add((eventType, element));
                if (eventType == type && (match is null || match(element)))
                    return element;
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"No '{type}' event arrived; saw: [{string.Join(", ", seen)}] and {Comments} comments.");
        }
    }

    /// <summary>Reads until <paramref name="count"/> comments (the ": connected" greeting, heartbeats) have arrived in all.</summary>
    /// <exception cref="TimeoutException">They did not come within 20 s.</exception>
    public async Task WaitForCommentsAsync(int count)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (Comments < count)
            {
                var line = await _reader.ReadLineAsync(cancellation.Token) ?? throw new EndOfStreamException("The event stream ended.");
                if (line.StartsWith(':'))
                    Comments++;
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"Only {Comments} of {count} comments arrived.");
        }
    }

    private async Task<(string Type, string Data, string? Id)> ReadMessageAsync(CancellationToken cancellationToken)
    {
        string? type = null, data = null, id = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (type is not null || data is not null)
                    return (type ?? "message", data ?? "", id);
                continue;
            }
            if (line[0] == ':')
                Comments++;
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
                id = line["id: ".Length..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
                type = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = data is null ? line["data: ".Length..] : data + "\n" + line["data: ".Length..];
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
