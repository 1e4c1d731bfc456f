using System.Text;

namespace Dispatch.Testing;

/// <summary>
/// JPEG files made segment by segment for tests: SOI, a JFIF APP0, optionally an EXIF APP1 holding a GPS IFD's text and an
/// XMP APP1 with a position, a quantization table, then a scan (SOS, entropy-coded bytes with a stuffed 0xFF 0x00 and
/// a restart marker) and EOI. The bytes are not a decodable picture; they have a JPEG's structure, which is what the
/// silo reads.
/// </summary>
public static class TestJpeg
{
    /// <summary>The text in the EXIF segment: a GPS IFD's latitude reference and a position, as a reader would find them.</summary>
    public const string GpsText = "GPSLatitude 40.6571N 109.8404E";

    /// <summary>The text in the XMP segment.</summary>
    public const string XmpText = "<exif:GPSLatitude>40,39.43N</exif:GPSLatitude>";

    public static byte[] Scan { get; } = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9];

    public static byte[] Create(bool withLocation)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (withLocation)
        {
            Segment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. "II*\0"u8, .. Encoding.ASCII.GetBytes(GpsText)]);
            Segment(jpeg, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.ASCII.GetBytes(XmpText)]);
        }
        Segment(jpeg, 0xDB, [0x00, .. Enumerable.Range(1, 64).Select(i => (byte)i)]);
        jpeg.Write(Scan);
        return jpeg.ToArray();
    }

    private static void Segment(Stream jpeg, byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        jpeg.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
        jpeg.Write(payload);
    }

    /// <summary>True when <paramref name="text"/> occurs in <paramref name="bytes"/> (ASCII).</summary>
    public static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
