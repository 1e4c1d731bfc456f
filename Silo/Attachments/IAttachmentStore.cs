namespace Dispatch.Silo.Attachments;

/// <summary>
/// Where the content of case attachments is kept, beside the store: content-addressed by case and SHA-256, so a
/// repeated save of the same bytes is harmless. The case grain lists what is attached; this keeps the bytes.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores <paramref name="content"/> durably (on disk, or committed) before it returns.</summary>
    Task SaveAsync(string caseId, string sha256, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when none is stored under that case and hash.</summary>
    Task<byte[]?> ReadAsync(string caseId, string sha256, CancellationToken cancellationToken = default);
}
