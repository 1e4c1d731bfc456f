using Dispatch.Grains.Domain.Notifications;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Notifications;
using NodaTime;

namespace Dispatch.Silo.Tests.Notifications;

/// <summary>The plain rules of delivery: per-contact rate limits, retry backoff, the SMS segment, the settings check.</summary>
public sealed class NotificationRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 1, 0);

    [Fact]
    public void RateLimit_OneMessageAMinutePerContact()
    {
        Assert.Equal(Now, ContactRateLimit.NextAllowed(NotificationChannel.Email, [], Now));
        Assert.Equal(Now + Duration.FromSeconds(20), ContactRateLimit.NextAllowed(NotificationChannel.Email, [Now - Duration.FromSeconds(40)], Now));
        Assert.Equal(Now, ContactRateLimit.NextAllowed(NotificationChannel.Sms, [Now - Duration.FromMinutes(2)], Now));
        Assert.Equal(Now, ContactRateLimit.NextAllowed(NotificationChannel.Webhook, [Now], Now)); // endpoints are not limited
    }

    [Fact]
    public void RateLimit_AtMostFiveSmsInFifteenMinutes()
    {
        Instant[] five = [.. Enumerable.Range(1, 5).Select(i => Now - Duration.FromMinutes(2 * i))]; // 2, 4, 6, 8, 10 minutes ago
        Assert.Equal(Now - Duration.FromMinutes(10) + Duration.FromMinutes(15), ContactRateLimit.NextAllowed(NotificationChannel.Sms, five, Now));
        Assert.Equal(Now, ContactRateLimit.NextAllowed(NotificationChannel.Email, five, Now)); // mail: one a minute only
        Instant[] four = five[..4];
        Assert.Equal(Now, ContactRateLimit.NextAllowed(NotificationChannel.Sms, four, Now));
    }

    [Fact]
    public void Retry_DoublesWithJitterUpToTheMaximum_ThenGivesUpAfter24Hours()
    {
        var schedule = new RetrySchedule(Duration.FromSeconds(10), Duration.FromMinutes(30), Duration.FromHours(24));
        Assert.Equal(Now + Duration.FromSeconds(8), schedule.Next(Now, Now, 1, 0));
        Assert.InRange(schedule.Next(Now, Now, 1, 0.9999999999)!.Value, Now + Duration.FromMilliseconds(11_999), Now + Duration.FromSeconds(12));
        Assert.Equal(Now + Duration.FromSeconds(40), schedule.Next(Now, Now, 3, 0.5));
        Assert.Equal(Now + Duration.FromMinutes(30), schedule.Next(Now, Now, 20, 0.5)); // capped
        var late = Now + Duration.FromHours(23) + Duration.FromMinutes(50);
        Assert.Null(schedule.Next(Now, late, 40, 0.5)); // the next try would fall past 24 h: failed
        Assert.NotNull(schedule.Next(Now, late, 1, 0.5));
    }

    [Fact]
    public void Sms_FitsOneSegmentOf70Characters()
    {
        Assert.Equal("【吹哨报到】短", SmsText.Fit("【吹哨报到】{text}", "短"));
        var cut = SmsText.Fit("【吹哨报到】{text}", new string('哨', 100));
        Assert.Equal(SmsText.Segment, cut.Length);
        Assert.EndsWith("…", cut);
    }

    [Theory]
    [InlineData("Notifications:Webhooks:0:Url", "ftp://x", "Notifications:Webhooks:0:Url")]
    [InlineData("Notifications:Webhooks:0:Secret", "", "Notifications:Webhooks:0:Secret")]
    [InlineData("Notifications:Sms:Message", "no placeholder", "Notifications:Sms:Message")]
    [InlineData("Notifications:FirstRetry", "-00:00:01", "Notifications:FirstRetry")]
    public void BadSetting_FailsTheStartNamingTheKey(string key, string value, string named)
    {
        var options = new NotificationOptions
        {
            Webhooks = [new WebhookEndpoint { Url = "http://127.0.0.1:9/hook", Secret = "s", Departments = ["*"] }],
        };
        switch (key)
        {
            case "Notifications:Webhooks:0:Url": options.Webhooks[0].Url = value; break;
            case "Notifications:Webhooks:0:Secret": options.Webhooks[0].Secret = value; break;
            case "Notifications:Sms:Message": options.Sms.Message = value; break;
            default: options.FirstRetry = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }
        var error = Assert.Throws<SiloStartupException>(() => NotificationSettings.Check(options));
        Assert.Contains(named, error.Message);
    }
}
