using Dispatch.Grains.Domain.Notifications;
using NodaTime;

namespace Dispatch.Silo.Notifications;

/// <summary>
/// Per-contact limits (as GoAlert's): a phone or mailbox gets at most one message a minute, and a phone at most five
/// SMS in 15 minutes. Webhooks are not limited.
/// </summary>
public static class ContactRateLimit
{
    public static readonly Duration MinimumGap = Duration.FromMinutes(1);
    public const int SmsPerWindow = 5;
    public static readonly Duration SmsWindow = Duration.FromMinutes(15);

    /// <summary>When the contact may get its next message: <paramref name="now"/> or later.</summary>
    /// <param name="sent">When it was sent to recently (any order).</param>
    public static Instant NextAllowed(NotificationChannel channel, IEnumerable<Instant> sent, Instant now)
    {
        if (channel == NotificationChannel.Webhook) return now;
        var recent = sent.OrderByDescending(s => s).ToList();
        var allowed = now;
        if (recent.Count > 0 && recent[0] + MinimumGap > allowed) allowed = recent[0] + MinimumGap;
        if (channel == NotificationChannel.Sms && recent.Count >= SmsPerWindow && recent[SmsPerWindow - 1] + SmsWindow > allowed)
            allowed = recent[SmsPerWindow - 1] + SmsWindow;
        return allowed;
    }
}
