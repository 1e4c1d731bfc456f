namespace Dispatch.Grains.Domain.Attachments;

/// <summary>
/// Takes the location out of a JPEG by walking its marker segments up to the start of the image data (SOS) and leaving
/// out every APP1 segment that is EXIF (<c>Exif\0\0</c>: the camera's metadata, where the GPS IFD lives) or XMP
/// (<c>http://ns.adobe.com/xap/1.0/</c>, which may repeat the position). The whole APP1 goes, not only its GPS IFD: so
/// the camera model, time taken and orientation go too (a phone photo may then show turned). Everything else — the
/// other segments and the entropy-coded image data — is copied byte for byte.
/// </summary>
public static class JpegLocation
{
    private const byte Marker = 0xFF;
    private const byte Soi = 0xD8;
    private const byte Sos = 0xDA;
    private const byte Eoi = 0xD9;
    private const byte App1 = 0xE1;

    private static ReadOnlySpan<byte> ExifHeader => "Exif\0\0"u8;
    private static ReadOnlySpan<byte> XmpHeader => "http://ns.adobe.com/xap/1.0/\0"u8;

    /// <summary>
    /// The JPEG without its EXIF and XMP APP1 segments, and how many were left out; null when <paramref name="jpeg"/> is
    /// not a well-formed JPEG up to its image data (no SOI, a segment running past the end, no SOS).
    /// </summary>
    public static (byte[] Jpeg, int Removed)? Strip(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != Marker || jpeg[1] != Soi) return null;
        var output = new List<byte>(jpeg.Length) { Marker, Soi };
        var removed = 0;
        var at = 2;
        while (at < jpeg.Length)
        {
            if (jpeg[at] != Marker) return null;
            // Fill bytes: any number of 0xFF before a marker.
            var code = at + 1;
            while (code < jpeg.Length && jpeg[code] == Marker) code++;
            if (code >= jpeg.Length) return null;
            var marker = jpeg[code];
            if (marker == Eoi) return null; // an image with no scan
            if (IsStandalone(marker))
            {
                output.Add(Marker);
                output.Add(marker);
                at = code + 1;
                continue;
            }
            if (code + 2 >= jpeg.Length) return null;
            var length = (jpeg[code + 1] << 8) | jpeg[code + 2];
            if (length < 2 || code + 1 + length > jpeg.Length) return null;
            var segment = jpeg.Slice(code + 1, length); // the length bytes and the payload
            if (marker == Sos)
            {
                // The scan: from here on everything is image data (and further segments interleaved with it), kept as is.
                output.Add(Marker);
                output.AddRange(jpeg[code..]);
                return (output.ToArray(), removed);
            }
            var payload = segment[2..];
            if (marker == App1 && (payload.StartsWith(ExifHeader) || payload.StartsWith(XmpHeader)))
            {
                removed++;
            }
            else
            {
                output.Add(Marker);
                output.Add(marker);
                output.AddRange(segment);
            }
            at = code + 1 + length;
        }
        return null;
    }

    /// <summary>Markers without a length: TEM and RST0–RST7.</summary>
    private static bool IsStandalone(byte marker) => marker == 0x01 || marker is >= 0xD0 and <= 0xD7;
}
