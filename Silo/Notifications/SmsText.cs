namespace Dispatch.Silo.Notifications;

/// <summary>An SMS message in one segment: a Chinese (UCS-2) segment holds 70 characters.</summary>
public static class SmsText
{
    public const int Segment = 70;

    /// <summary>The template with {text} filled in, cut to one segment (ending in "…" when cut).</summary>
    public static string Fit(string template, string text)
    {
        var message = template.Replace("{text}", text, StringComparison.Ordinal);
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(message);
        if (chars.Length <= Segment) return message;
        return message[..chars[Segment - 1]] + "…";
    }
}
