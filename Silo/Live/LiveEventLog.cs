using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Dispatch.Grains.Engine.Events;
using Dispatch.Silo.Options;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Live;

/// <summary>A live event with the id this silo gave it (<c>epoch.sequence</c>), or a reset telling the client to reload.</summary>
public sealed record LoggedEvent(string Id, LiveEvent? Event)
{
    /// <summary>The SSE event type of a reset.</summary>
    public const string Reset = "reset";

    public bool IsReset => Event is null;
}

/// <summary>
/// Numbers this silo's live events and keeps the last <see cref="LiveOptions.ReplayCapacity"/> of them, so that an SSE
/// client reconnecting with <c>Last-Event-ID</c> gets what it missed. Ids are <c>{epoch}.{sequence}</c>: the epoch is
/// drawn at random when the silo starts, the sequence counts up from 1 in the order this silo received the events
/// (from its own grains, or from every silo's through the live streams). An id of another epoch (another silo, or
/// this one before a restart), from the future, or older than the buffer cannot be resumed: the client gets a reset.
/// </summary>
public sealed class LiveEventLog(EventBus events, IOptions<LiveOptions> options, ILogger<LiveEventLog> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, LiveEvent Event)> _buffer = new();
    private readonly List<Subscriber> _subscribers = [];
    private readonly EventSubscription _source = events.Subscribe(options.Value.SubscriberCapacity, LiveEvent.IsLive);
    private long _sequence;

    /// <summary>This silo process's epoch: the first part of every id it gives.</summary>
    public string Epoch { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The id of the newest event (sequence 0 before any).</summary>
    public string LastId
    {
        get
        {
            lock (_gate) return IdOf(_sequence);
        }
    }

    /// <summary>
    /// Subscribes to the events <paramref name="filter"/> admits from now on. With <paramref name="lastEventId"/>, the
    /// subscription starts with the buffered events after it, or with a reset when it cannot be resumed.
    /// </summary>
    public LiveSubscription Subscribe(Func<LiveEvent, bool> filter, string? lastEventId)
    {
        var live = options.Value;
        lock (_gate)
        {
            List<LoggedEvent> first = [];
            if (lastEventId is not null)
            {
                if (Resumable(lastEventId) is { } after)
                    first.AddRange(_buffer.Where(e => e.Sequence > after && filter(e.Event)).Select(e => new LoggedEvent(IdOf(e.Sequence), e.Event)));
                else
                    first.Add(new LoggedEvent(IdOf(_sequence), null));
            }
            var channel = Channel.CreateBounded<LoggedEvent>(new BoundedChannelOptions(live.SubscriberCapacity + first.Count)
            {
                FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true,
            });
            foreach (var e in first)
                channel.Writer.TryWrite(e);
            var subscriber = new Subscriber(channel, filter);
            _subscribers.Add(subscriber);
            return new LiveSubscription(channel.Reader, () =>
            {
                lock (_gate) _subscribers.Remove(subscriber);
                channel.Writer.TryComplete();
            });
        }
    }

    /// <summary>The sequence after which to resume, or null when <paramref name="lastEventId"/> cannot be resumed here.</summary>
    private long? Resumable(string lastEventId)
    {
        var dot = lastEventId.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || lastEventId[..dot] != Epoch
            || !long.TryParse(lastEventId.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence > _sequence)
            return null;
        var oldest = _buffer.Count > 0 ? _buffer.Peek().Sequence : _sequence + 1;
        return sequence + 1 >= oldest ? sequence : null;
    }

    /// <summary>Numbers, buffers and hands out one event (the pump calls this; tests may too).</summary>
    internal void Append(LiveEvent live)
    {
        var capacity = options.Value.ReplayCapacity;
        lock (_gate)
        {
            var sequence = ++_sequence;
            _buffer.Enqueue((sequence, live));
            while (_buffer.Count > capacity)
                _buffer.Dequeue();
            var logged = new LoggedEvent(IdOf(sequence), live);
            // A subscriber whose queue is full loses the event (a slow client never slows the silo); it can reconnect
            // with its last id and get it from the buffer.
            foreach (var s in _subscribers)
            {
                if (s.Filter(live))
                    s.Channel.Writer.TryWrite(logged);
            }
        }
    }

    private string IdOf(long sequence) => $"{Epoch}.{sequence.ToString(CultureInfo.InvariantCulture)}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _source.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (reader.TryRead(out var domainEvent))
                {
                    if (LiveEvent.From(domainEvent) is { } live)
                        Append(live);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
        logger.LogDebug("The live event log stopped at {Id}", LastId);
    }

    private sealed class Subscriber(Channel<LoggedEvent> channel, Func<LiveEvent, bool> filter)
    {
        public Channel<LoggedEvent> Channel { get; } = channel;
        public Func<LiveEvent, bool> Filter { get; } = filter;
    }
}

/// <summary>One SSE client's events from the <see cref="LiveEventLog"/>; dispose to stop.</summary>
public sealed class LiveSubscription(ChannelReader<LoggedEvent> reader, Action dispose) : IDisposable
{
    public ChannelReader<LoggedEvent> Reader => reader;

    public void Dispose() => dispose();
}
