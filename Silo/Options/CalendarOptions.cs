namespace Dispatch.Silo.Options;

/// <summary>The working-time calendar (configuration section "Calendar").</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>A calendar file (relative paths are under the content root); default: the built-in China 2025/2026 calendar.</summary>
    public string? File { get; set; }

    /// <summary>The full path of the configured file, or null for the built-in calendar.</summary>
    public string? ResolvePath(string contentRoot) =>
        string.IsNullOrWhiteSpace(File) ? null : Path.GetFullPath(Path.Combine(contentRoot, File.Trim()));
}
