namespace Dispatch.Silo.Notifications;

/// <summary>Notification delivery (configuration section "Notifications"); see the README's Notifications section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Webhook endpoints: <c>Notifications:Webhooks:&lt;n&gt;:Url</c>, <c>:Secret</c>, <c>:Departments:&lt;k&gt;</c>.</summary>
    public List<WebhookEndpoint> Webhooks { get; set; } = [];

    public SmsGatewayOptions Sms { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    /// <summary>How often each silo looks for due deliveries (real time; also right after a case enqueues).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed delivery is reserved for the silo that claimed it (another silo takes it over after).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first retry's delay; each next one doubles (with ±20 % jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A delivery still failing this long after it was due is marked failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one HTTP call (webhook, SMS gateway) may take.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How many deliveries one pass claims at most.</summary>
    public int Batch { get; set; } = 50;
}

public sealed class WebhookEndpoint
{
    public string Url { get; set; } = "";

    /// <summary>The HMAC-SHA256 key of <c>X-Dispatch-Signature</c>.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Department (or center) ids whose notifications go here; <c>*</c> for all.</summary>
    public List<string> Departments { get; set; } = [];

    public bool Serves(string recipient) => Departments.Any(d => d == "*" || d == recipient);
}

public sealed class SmsGatewayOptions
{
    /// <summary>The gateway's URL; {phone}, {message}, {username}, {password} are replaced (URL-encoded). Empty: no SMS.</summary>
    public string Url { get; set; } = "";

    /// <summary>GET or POST.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>For POST: the JSON body with the same placeholders (JSON-escaped); empty: no body.</summary>
    public string Body { get; set; } = "";

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The message; {text} is the event in one line; cut to one 70-character segment.</summary>
    public string Message { get; set; } = "【吹哨报到】{text}";
}

public sealed class EmailOptions
{
    /// <summary>The SMTP server; empty: no e-mail.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>none, startTls (when offered) or tls (implicit, port 465).</summary>
    public string Security { get; set; } = "startTls";

    public string From { get; set; } = "dispatch@localhost";

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";
}
