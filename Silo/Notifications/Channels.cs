using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dispatch.Grains.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Dispatch.Silo.Notifications;

/// <summary>One way of delivering: a new channel is a class registered as this interface.</summary>
public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    /// <summary>Delivers or throws (the dispatcher retries later).</summary>
    Task SendAsync(NotificationDelivery delivery, CancellationToken ct);
}

/// <summary>
/// POSTs <c>{ id, type, occurredAt, data }</c> with <c>X-Dispatch-Event-Id</c> and <c>X-Dispatch-Signature:
/// sha256=&lt;hex HMAC-SHA256 of the body with the endpoint's secret&gt;</c>; any 2xx is delivered.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory http, NotificationOptions options) : INotificationChannel
{
    public const string EventIdHeader = "X-Dispatch-Event-Id";
    public const string SignatureHeader = "X-Dispatch-Signature";

    public NotificationChannel Channel => NotificationChannel.Webhook;

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var index = int.Parse(delivery.Address, System.Globalization.CultureInfo.InvariantCulture);
        if (index >= options.Webhooks.Count) throw new InvalidOperationException($"Webhook endpoint {index} is no longer configured.");
        var endpoint = options.Webhooks[index];
        var body = delivery.WebhookBody();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventIdHeader, delivery.EventId);
        request.Headers.Add(SignatureHeader, Sign(endpoint.Secret, body));
        using var response = await http.CreateClient(NotificationDispatcher.HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{endpoint.Url} answered {(int)response.StatusCode}.");
    }
}

/// <summary>A generic HTTP SMS gateway (Chinese providers are HTTP APIs): the URL (and body) templates of <see cref="SmsGatewayOptions"/>.</summary>
public sealed class SmsGatewayChannel(IHttpClientFactory http, NotificationOptions options) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var sms = options.Sms;
        string Fill(string template, Func<string, string> escape) => template
            .Replace("{phone}", escape(delivery.Address), StringComparison.Ordinal)
            .Replace("{message}", escape(delivery.Text), StringComparison.Ordinal)
            .Replace("{username}", escape(sms.Username), StringComparison.Ordinal)
            .Replace("{password}", escape(sms.Password), StringComparison.Ordinal);
        var method = sms.Method.Equals("GET", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Get : HttpMethod.Post;
        using var request = new HttpRequestMessage(method, Fill(sms.Url, Uri.EscapeDataString));
        if (method == HttpMethod.Post && sms.Body.Length > 0)
        {
            request.Content = new StringContent(Fill(sms.Body, v => JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(v)), Encoding.UTF8, "application/json");
        }
        request.Headers.Add(WebhookChannel.EventIdHeader, delivery.EventId);
        using var response = await http.CreateClient(NotificationDispatcher.HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.");
    }
}

/// <summary>E-mail over SMTP (MailKit): the event's line as the subject, with the case and event id in the body.</summary>
public sealed class EmailChannel(NotificationOptions options) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var email = options.Email;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From));
        message.To.Add(MailboxAddress.Parse(delivery.Address));
        message.Subject = "【吹哨报到】" + delivery.Text;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Headers.Add(WebhookChannel.EventIdHeader, delivery.EventId);
        message.Body = new TextPart("plain")
        {
            Text = $"{delivery.Text}\n\n事件 / case: {delivery.CaseId}\n类型 / type: {delivery.Type}\n编号 / event id: {delivery.EventId}\n\n{delivery.Data}\n",
        };
        using var client = new SmtpClient { Timeout = (int)options.HttpTimeout.TotalMilliseconds };
        var security = email.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(email.Host, email.Port, security, ct);
        if (email.Username.Length > 0) await client.AuthenticateAsync(email.Username, email.Password, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
