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
/// Streams one event-bus subscription as Server-Sent Events (<c>event: case|summons|escalation</c>, <c>data:</c> the
/// payload as one line of JSON) with a comment heartbeat every <paramref name="heartbeatInterval"/>. Ends when the client
/// goes or the host stops; owns and disposes the subscription. The bus drops events for a subscriber whose queue is
/// full, so a slow client never slows a grain.
/// </summary>
public sealed class ServerSentEventsResult(EventSubscription subscription, TimeSpan heartbeatInterval) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
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
        ChannelReader<object> reader, Stream body, JsonSerializerOptions json, TimeSpan heartbeatInterval, CancellationToken cancellationToken)
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
            while (reader.TryRead(out var domainEvent))
            {
                if (LiveEvent.From(domainEvent) is { } live)
                    await body.WriteAsync(Format(live, json), cancellationToken);
            }
            await body.FlushAsync(cancellationToken);
            ready = reader.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    /// <summary>One SSE message: <c>event: type\ndata: json\n\n</c> (JSON without indentation is one line).</summary>
    internal static byte[] Format(LiveEvent live, JsonSerializerOptions json)
    {
        var payload = JsonSerializer.Serialize(live.Payload, live.Payload.GetType(), json);
        return Encoding.UTF8.GetBytes($"event: {live.Type}\ndata: {payload}\n\n");
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [EventStreamContentType]));
}
