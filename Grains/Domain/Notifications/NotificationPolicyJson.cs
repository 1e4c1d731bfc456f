using System.Text.Json;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Json;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Domain.Notifications;

/// <summary>
/// Reads the optional <c>notifications</c> section of a city file; everything in it is optional:
/// <code>
/// { "channels": ["webhook", "sms", "email"],
///   "byKind": { "police": ["webhook", "sms"] },
///   "remindEvery": { "red": "PT5M", "orange": "PT30M", "blue": null },
///   "deadlineLead": 0.25,
///   "contacts": { "bt-kdl-t01-pol": { "phone": "13800000001", "email": "duty@example.cn", "channels": ["sms"] } },
///   "leaders": { "王建国": "13900000001" } }
/// </code>
/// Contacts are keyed by department or center id (checked by the city validator), leaders by their rota name.
/// </summary>
internal static class NotificationPolicyJson
{
    public static NotificationPolicy Read(JsonSource source, JsonElement section, string path)
    {
        source.ExpectKind(section, path, null, JsonValueKind.Object, "an object");
        source.AllowOnly(section, path, null, "channels", "byKind", "remindEvery", "deadlineLead", "contacts", "leaders");
        var policy = NotificationPolicy.Default;
        if (JsonSource.TryGet(section, "channels", out var channels))
            policy = policy with { Channels = Channels(source, channels, JsonSource.Child(path, "channels"), null) };
        if (JsonSource.TryGet(section, "byKind", out var byKind))
        {
            var kindsPath = JsonSource.Child(path, "byKind");
            source.ExpectKind(byKind, kindsPath, null, JsonValueKind.Object, "an object");
            policy = policy with
            {
                ChannelsByKind = byKind.EnumerateObject().Where(p => !p.Name.StartsWith('$')).ToDictionary(
                    p => p.Name, p => (IReadOnlyList<NotificationChannel>)Channels(source, p.Value, JsonSource.Child(kindsPath, p.Name), null), StringComparer.Ordinal),
            };
        }
        if (JsonSource.TryGet(section, "remindEvery", out var remind))
        {
            var remindPath = JsonSource.Child(path, "remindEvery");
            source.ExpectKind(remind, remindPath, null, JsonValueKind.Object, "an object");
            var every = new Dictionary<RiskColour, Duration?>(policy.RemindEvery);
            foreach (var property in remind.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
            {
                var colourPath = JsonSource.Child(remindPath, property.Name);
                var colour = source.ParseEnum<RiskColour>(property.Name, colourPath, null);
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    every[colour] = null;
                    continue;
                }
                source.ExpectKind(property.Value, colourPath, null, JsonValueKind.String, "an ISO-8601 duration such as \"PT5M\", or null");
                if (!IsoDuration.TryParse(property.Value.GetString(), out var period) || period < Duration.FromMinutes(1))
                    throw source.Error(colourPath, null, $"'{property.Value.GetString()}' is not an ISO-8601 duration of at least one minute (PT5M).");
                every[colour] = period;
            }
            policy = policy with { RemindEvery = every };
        }
        if (JsonSource.TryGet(section, "deadlineLead", out var lead))
        {
            var leadPath = JsonSource.Child(path, "deadlineLead");
            if (lead.ValueKind != JsonValueKind.Number || !lead.TryGetDouble(out var share) || share is < 0 or >= 1)
                throw source.Error(leadPath, null, "expected a share of the allowed time from 0 (off) to below 1, such as 0.25.");
            policy = policy with { DeadlineLead = share };
        }
        if (JsonSource.TryGet(section, "contacts", out var contacts))
        {
            var contactsPath = JsonSource.Child(path, "contacts");
            source.ExpectKind(contacts, contactsPath, null, JsonValueKind.Object, "an object");
            var read = new Dictionary<string, NotificationContact>(StringComparer.Ordinal);
            foreach (var property in contacts.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
            {
                var entryPath = JsonSource.Child(contactsPath, property.Name);
                source.ExpectKind(property.Value, entryPath, property.Name, JsonValueKind.Object, "an object");
                source.AllowOnly(property.Value, entryPath, property.Name, "phone", "email", "channels");
                var own = JsonSource.TryGet(property.Value, "channels", out var list)
                    ? Channels(source, list, JsonSource.Child(entryPath, "channels"), property.Name)
                    : null;
                var email = source.OptionalString(property.Value, entryPath, "email", property.Name);
                if (email is not null && !email.Contains('@', StringComparison.Ordinal))
                    throw source.Error(JsonSource.Child(entryPath, "email"), property.Name, $"'{email}' is not an e-mail address.");
                read[property.Name] = new NotificationContact(source.OptionalString(property.Value, entryPath, "phone", property.Name), email, own);
            }
            policy = policy with { Contacts = read };
        }
        if (JsonSource.TryGet(section, "leaders", out var leaders))
        {
            var leadersPath = JsonSource.Child(path, "leaders");
            source.ExpectKind(leaders, leadersPath, null, JsonValueKind.Object, "an object of name → phone");
            policy = policy with
            {
                LeaderPhones = leaders.EnumerateObject().Where(p => !p.Name.StartsWith('$')).ToDictionary(p => p.Name, p =>
                {
                    source.ExpectKind(p.Value, JsonSource.Child(leadersPath, p.Name), null, JsonValueKind.String, "a phone number");
                    return p.Value.GetString()!;
                }, StringComparer.Ordinal),
            };
        }
        return policy;
    }

    private static List<NotificationChannel> Channels(JsonSource source, JsonElement list, string path, string? id)
    {
        source.ExpectKind(list, path, id, JsonValueKind.Array, "an array of channels (webhook, sms, email)");
        return list.EnumerateArray().Select((item, i) =>
        {
            var itemPath = JsonSource.Index(path, i);
            source.ExpectKind(item, itemPath, id, JsonValueKind.String, "a channel (webhook, sms, email)");
            return source.ParseEnum<NotificationChannel>(item.GetString()!, itemPath, id);
        }).Distinct().ToList();
    }
}
