namespace Dispatch.Grains.Domain.Attachments;

/// <summary>
/// What a case attachment is, told from its first bytes (magic numbers), never from a file name or a declared type:
/// JPEG (<c>FF D8 FF</c>), PNG (<c>89 50 4E 47 0D 0A 1A 0A</c>) or PDF (<c>%PDF-</c>).
/// </summary>
public static class AttachmentContent
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    /// <summary>The content types accepted, for messages.</summary>
    public static IReadOnlyList<string> Accepted { get; } = [Jpeg, Png, Pdf];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    /// <summary>The content type of <paramref name="content"/>, or null when it is none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(JpegMagic) ? Jpeg
        : content.StartsWith(PngMagic) ? Png
        : content.StartsWith(PdfMagic) ? Pdf
        : null;
}
