using System.Text.Json;
using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Observations;
using Dispatch.Grains.Interfaces.Serialization;
using Orleans;

namespace Dispatch.LoadTests.Surge;

/// <summary>
/// Listens to the live channel (SSE) of one scope, timestamps every summons and escalation event into the log and
/// hands new summonses to the bots. Reconnects (recording the gap) until stopped.
/// </summary>
public sealed class LiveListener(DispatchApiClient api, string token, string scope, RunClock clock, SurgeLog log, Action<SummonsDto> onSummons) : IDisposable
{
    private readonly HttpClient _streaming = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first connection is open (the server's ": connected" comment arrived).</summary>
    public Task Connected => _connected.Task;

    /// <summary>True while a connection is open.</summary>
    public bool IsConnected { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        double? gapFrom = null;
        string reason = "";
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                using var response = await api.OpenStreamAsync(_streaming, token, scope, stop);
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(stop);
                    if ((int)response.StatusCode is 401 or 403 or 404)
                    {
                        _connected.TrySetException(new SurgeSetupException($"GET /api/v1/stream?scope={scope} answered {(int)response.StatusCode}: {body}"));
                        return;
                    }
                    throw new HttpRequestException($"stream answered {(int)response.StatusCode}");
                }
                await using var stream = await response.Content.ReadAsStreamAsync(stop);
                using var reader = new StreamReader(stream);
                var parser = new SseParser();
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (parser.Feed(line) is not { } message) continue;
                    if (message.IsComment)
                    {
                        if (!IsConnected)
                        {
                            IsConnected = true;
                            attempt = 0;
                            if (gapFrom is { } from) log.Add(new ListenerGap(from, clock.NowMs, reason));
                            gapFrom = null;
                            _connected.TrySetResult();
                        }
                        continue;
                    }
                    Handle(message);
                }
                reason = "the server closed the stream";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
            {
                reason = e.Message;
            }
            if (IsConnected) gapFrom = clock.NowMs;
            IsConnected = false;
            try
            {
                await Task.Delay(Backoff.After(attempt), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        if (gapFrom is { } open && _connected.Task.IsCompleted) log.Add(new ListenerGap(open, null, reason));
        IsConnected = false;
    }

    private void Handle(SseMessage message)
    {
        var received = clock.NowMs;
        switch (message.Event)
        {
            case "summons":
                var s = JsonSerializer.Deserialize<SummonsDto>(message.Data, DispatchJson.Default)!;
                log.Add(new LiveSummons(s.Id, s.CaseId, s.DepartmentId, s.State, s.EscalationLevel, s.Version, s.AckDueAt, s.ArriveDueAt, received));
                onSummons(s);
                break;
            case "escalation":
                var e = JsonSerializer.Deserialize<EscalationDto>(message.Data, DispatchJson.Default)!;
                log.Add(new LiveEscalation(e.CaseId, e.Kind, e.SummonsId, e.NewSummonsId, e.ToDepartmentId, e.EscalationLevel, e.DueAt, e.At, received));
                break;
            case "case":
                log.AddLiveCaseEvent();
                break;
        }
    }

    public void Dispose() => _streaming.Dispose();
}
