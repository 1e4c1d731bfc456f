using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Notifications;

namespace Dispatch.Silo.Notifications;

/// <summary>One delivery of an event: to one webhook endpoint (<c>webhook:&lt;n&gt;</c>), phone or mailbox.</summary>
public sealed record DeliveryTarget(string Recipient, NotificationChannel Channel, string Target, string Text);

/// <summary>
/// Expands an intent's recipients into deliveries: a department or center by the channels the city's policy gives it
/// (its webhook endpoints — those listing its id or <c>*</c> —, its duty phone, its mailbox); a duty leader by SMS to
/// the rota person's phone. One target gets an event once, however many of its recipients it serves.
/// </summary>
public sealed class NotificationRouting(CityModel city, NotificationOptions options)
{
    public IReadOnlyList<DeliveryTarget> Targets(NotificationIntent intent)
    {
        var policy = city.Notifications;
        var result = new List<DeliveryTarget>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string recipient, NotificationChannel channel, string target, string text)
        {
            if (seen.Add(target)) result.Add(new DeliveryTarget(recipient, channel, target, text));
        }
        var sms = SmsText.Fit(options.Sms.Message, intent.Text);
        foreach (var recipient in intent.Recipients)
        {
            if (recipient.StartsWith(NotificationIntent.LeaderPrefix, StringComparison.Ordinal))
            {
                if (options.Sms.Url.Length > 0 && policy.LeaderPhones.TryGetValue(recipient[NotificationIntent.LeaderPrefix.Length..], out var leaderPhone))
                    Add(recipient, NotificationChannel.Sms, "sms:" + leaderPhone, sms);
                continue;
            }
            var kind = city.TryGetDepartment(recipient, out var department) ? department.Kind : null;
            policy.Contacts.TryGetValue(recipient, out var contact);
            foreach (var channel in policy.ChannelsFor(recipient, kind))
            {
                switch (channel)
                {
                    case NotificationChannel.Webhook:
                        for (var i = 0; i < options.Webhooks.Count; i++)
                        {
                            if (options.Webhooks[i].Serves(recipient)) Add(recipient, channel, $"webhook:{i}", intent.Text);
                        }
                        break;
                    case NotificationChannel.Sms when contact?.Phone is { } phone && options.Sms.Url.Length > 0:
                        Add(recipient, channel, "sms:" + phone, sms);
                        break;
                    case NotificationChannel.Email when contact?.Email is { } email && options.Email.Host.Length > 0:
                        Add(recipient, channel, "email:" + email, intent.Text);
                        break;
                }
            }
        }
        return result;
    }
}
