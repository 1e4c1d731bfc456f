using Dispatch.Silo.Hosting;

namespace Dispatch.Silo.Notifications;

/// <summary>Checks <see cref="NotificationOptions"/> at start: a bad setting fails the start with one line naming its key.</summary>
public static class NotificationSettings
{
    /// <exception cref="SiloStartupException">A setting is wrong.</exception>
    public static NotificationOptions Check(NotificationOptions options)
    {
        const string s = NotificationOptions.Section;
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var w = options.Webhooks[i];
            if (!IsHttpUrl(w.Url))
                throw new SiloStartupException($"{s}:Webhooks:{i}:Url must be an absolute http or https URL (it is '{w.Url}').");
            if (string.IsNullOrWhiteSpace(w.Secret))
                throw new SiloStartupException($"{s}:Webhooks:{i}:Secret must be set: it signs X-Dispatch-Signature.");
            if (w.Departments.Count == 0 || w.Departments.Any(string.IsNullOrWhiteSpace))
                throw new SiloStartupException($"{s}:Webhooks:{i}:Departments must list department ids, or '*' for all.");
        }
        if (options.Sms.Url.Length > 0 && !IsHttpUrl(options.Sms.Url.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)))
            throw new SiloStartupException($"{s}:Sms:Url must be an absolute http or https URL template (it is '{options.Sms.Url}').");
        if (options.Sms.Method.ToUpperInvariant() is not ("GET" or "POST"))
            throw new SiloStartupException($"{s}:Sms:Method must be GET or POST (it is '{options.Sms.Method}').");
        if (!options.Sms.Message.Contains("{text}", StringComparison.Ordinal))
            throw new SiloStartupException($"{s}:Sms:Message must contain {{text}}.");
        if (options.Email.Host.Length > 0)
        {
            if (options.Email.Port is < 1 or > 65535)
                throw new SiloStartupException($"{s}:Email:Port must be from 1 to 65535 (it is {options.Email.Port}).");
            if (!MimeKit.MailboxAddress.TryParse(options.Email.From, out _))
                throw new SiloStartupException($"{s}:Email:From is not an e-mail address ('{options.Email.From}').");
            if (options.Email.Security.ToLowerInvariant() is not ("none" or "starttls" or "tls"))
                throw new SiloStartupException($"{s}:Email:Security must be none, startTls or tls (it is '{options.Email.Security}').");
        }
        Positive(options.PollInterval, "PollInterval");
        Positive(options.Lease, "Lease");
        Positive(options.FirstRetry, "FirstRetry");
        Positive(options.HttpTimeout, "HttpTimeout");
        if (options.MaxRetryDelay < options.FirstRetry)
            throw new SiloStartupException($"{s}:MaxRetryDelay must be at least {s}:FirstRetry.");
        Positive(options.GiveUpAfter, "GiveUpAfter");
        if (options.Batch < 1)
            throw new SiloStartupException($"{s}:Batch must be positive.");
        return options;
    }

    private static void Positive(TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero) throw new SiloStartupException($"{NotificationOptions.Section}:{key} must be positive (it is {value}).");
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
