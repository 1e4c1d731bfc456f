using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Dispatch.Grains.Engine.Events;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using System.Reflection;

namespace Dispatch.Silo.Live;

/// <summary>
/// Streams one <see cref="LiveEventLog"/> subscription as Server-Sent Events (<c>id:</c> the silo's event id,
/// <c>event: case|summons|escalation</c>, or <c>reset</c> when a Last-Event-ID could not be resumed, <c>data:</c> the
/// payload as one line of JSON) with a comment heartbeat every <paramref name="heartbeatInterval"/>. Ends when the client
/// goes or the host stops; owns and disposes the subscription. The log drops events for a subscriber whose queue is
/// full, so a slow client never slows a grain.
/// </summary>
public sealed class ServerSentEventsResult(LiveSubscription subscription, TimeSpan heartbeatInterval) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string EventStreamContentType = "text/event-stream";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => EventStreamContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var owned = subscription;
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var stopping = httpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        var cancellationToken = cancellation.Token;

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = EventStreamContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            await response.WriteAsync(": connected\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            await PumpAsync(subscription.Reader, response.Body, json, heartbeatInterval, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the host is stopping.
        }
        catch (IOException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private static async Task PumpAsync(
        ChannelReader<LoggedEvent> reader, Stream body, JsonSerializerOptions json, TimeSpan heartbeatInterval, CancellationToken cancellationToken)
    {
        using var heartbeat = new PeriodicTimer(heartbeatInterval);
        var tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
        var ready = reader.WaitToReadAsync(cancellationToken).AsTask();
        while (true)
        {
            var done = await Task.WhenAny(ready, tick);
            cancellationToken.ThrowIfCancellationRequested();
            if (done == tick)
            {
                await tick;
                await body.WriteAsync(": heartbeat\n\n"u8.ToArray(), cancellationToken);
                await body.FlushAsync(cancellationToken);
                tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
                continue;
            }
            if (!await ready)
                return;
            while (reader.TryRead(out var logged))
                await body.WriteAsync(Format(logged, json), cancellationToken);
            await body.FlushAsync(cancellationToken);
            ready = reader.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    /// <summary>
    /// One SSE message: <c>id: id\nevent: type\ndata: json\n\n</c> (JSON without indentation is one line); a reset's
    /// data is <c>{"reason": "..."}</c>.
    /// </summary>
    internal static byte[] Format(LoggedEvent logged, JsonSerializerOptions json)
    {
        var (type, payload) = logged.Event is { } live
            ? (live.Type, JsonSerializer.Serialize(live.Payload, live.Payload.GetType(), json))
            : (LoggedEvent.Reset, JsonSerializer.Serialize(new { reason = "The events since Last-Event-ID are no longer available here; reload, then keep reading." }, json));
        return Encoding.UTF8.GetBytes($"id: {logged.Id}\nevent: {type}\ndata: {payload}\n\n");
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [EventStreamContentType]));
}
