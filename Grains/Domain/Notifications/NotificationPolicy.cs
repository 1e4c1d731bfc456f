using System.Collections.Frozen;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Domain.Notifications;

/// <summary>The ways a notification reaches people.</summary>
public enum NotificationChannel
{
    Webhook,
    Sms,
    Email,
}

/// <summary>A department's or center's duty phone and mailbox (either may be missing), and the channels it is told by when it names its own.</summary>
public sealed record NotificationContact(string? Phone, string? Email, IReadOnlyList<NotificationChannel>? Channels);

/// <summary>
/// Who is told how (the city file's optional <c>notifications</c> section; see <see cref="NotificationPolicyJson"/>): the
/// channels per department (its own list, else its kind's, else the default), the contacts of departments and centers,
/// the duty leaders' phones, how often an unacknowledged summons is re-notified by risk colour, and how early its deadline
/// counts as approaching (the share of the allowed time still left).
/// </summary>
public sealed record NotificationPolicy
{
    /// <summary>Every channel, red every 5 min, orange every 30 min, blue once, approaching with a quarter of the time left.</summary>
    public static NotificationPolicy Default { get; } = new();

    public IReadOnlyList<NotificationChannel> Channels { get; init; } = [NotificationChannel.Webhook, NotificationChannel.Sms, NotificationChannel.Email];

    public IReadOnlyDictionary<string, IReadOnlyList<NotificationChannel>> ChannelsByKind { get; init; } =
        FrozenDictionary<string, IReadOnlyList<NotificationChannel>>.Empty;

    /// <summary>Contacts by department or center id.</summary>
    public IReadOnlyDictionary<string, NotificationContact> Contacts { get; init; } = FrozenDictionary<string, NotificationContact>.Empty;

    /// <summary>Duty leaders' phones by name (as on the rota).</summary>
    public IReadOnlyDictionary<string, string> LeaderPhones { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Re-notification period of an unacknowledged summons by risk; null: once (no reminders).</summary>
    public IReadOnlyDictionary<RiskColour, Duration?> RemindEvery { get; init; } = new Dictionary<RiskColour, Duration?>
    {
        [RiskColour.Red] = Duration.FromMinutes(5),
        [RiskColour.Orange] = Duration.FromMinutes(30),
        [RiskColour.Blue] = null,
    };

    /// <summary>A deadline is approaching when this share of the time allowed for it is left (0.25: a quarter). 0: never.</summary>
    public double DeadlineLead { get; init; } = 0.25;

    /// <summary>The channels a department or center is told by: its own list, else its kind's, else <see cref="Channels"/>.</summary>
    public IReadOnlyList<NotificationChannel> ChannelsFor(string scopeId, string? kind)
    {
        if (Contacts.TryGetValue(scopeId, out var contact) && contact.Channels is { } own) return own;
        if (kind is not null && ChannelsByKind.TryGetValue(kind, out var byKind)) return byKind;
        return Channels;
    }

    public Duration? ReminderPeriod(RiskColour risk) => RemindEvery.TryGetValue(risk, out var every) ? every : null;

    /// <summary>
    /// When a deadline <paramref name="due"/> counts as approaching, for a wait that began at <paramref name="from"/>: the
    /// instant when <see cref="DeadlineLead"/> of the allowed time is left; null when the lead is off or the wait is empty.
    /// </summary>
    public Instant? ApproachingAt(Instant from, Instant due)
    {
        if (DeadlineLead <= 0 || due <= from) return null;
        var allowed = due - from;
        return due - Duration.FromNanoseconds((long)(allowed.ToInt64Nanoseconds() * DeadlineLead));
    }
}
