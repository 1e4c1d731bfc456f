namespace Dispatch.Silo.Options;

/// <summary>Case attachments (configuration section "Attachments").</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest attachment accepted, in bytes (10 MB by default); a larger body is 413.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
