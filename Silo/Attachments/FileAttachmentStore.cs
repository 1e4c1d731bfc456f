namespace Dispatch.Silo.Attachments;

/// <summary>
/// Attachments as files (with the embedded SQLite store): <c>&lt;folder&gt;/&lt;case id&gt;/&lt;sha256&gt;</c>, the folder
/// <c>attachments</c> beside the database file. A file is written under a temporary name, flushed to disk and then
/// renamed, so a crash leaves either the whole file or none.
/// </summary>
public sealed class FileAttachmentStore(string folder) : IAttachmentStore
{
    public string Folder { get; } = folder;

    /// <summary>The folder beside <paramref name="databaseFile"/>.</summary>
    public static FileAttachmentStore Beside(string databaseFile) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!, "attachments"));

    public async Task SaveAsync(string caseId, string sha256, byte[] content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(caseId, sha256);
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]?> ReadAsync(string caseId, string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(caseId, sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    /// <summary>Case ids and hashes are checked by the caller (ids and hex only), so no path can leave the folder.</summary>
    private string PathOf(string caseId, string sha256) => Path.Combine(Folder, caseId, sha256);
}
