using System.Net;

namespace Dispatch.LoadTests.Scenario;

/// <summary>The simulator only ever talks to this machine: URLs must name a loopback address.</summary>
public static class LoopbackUrl
{
    /// <exception cref="FormatException">Not an absolute http(s) URL, or its host is not loopback.</exception>
    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new FormatException($"Bad --url '{text}': write an absolute URL such as http://127.0.0.1:5000.");
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback)
            throw new FormatException($"Bad --url '{text}': the load tester drives a silo on this machine only (127.0.0.1, ::1 or localhost).");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
