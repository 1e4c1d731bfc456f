using Dispatch.Grains.Domain.Attachments;
using Dispatch.Testing;

namespace Dispatch.Grains.Tests.Domain.Attachments;

public sealed class AttachmentRulesTests
{
    [Fact]
    public void Sniff_TellsTheTypeFromTheBytes_NotTheName()
    {
        Assert.Equal(AttachmentContent.Jpeg, AttachmentContent.Sniff(TestJpeg.Create(withLocation: false)));
        Assert.Equal(AttachmentContent.Png, AttachmentContent.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
        Assert.Equal(AttachmentContent.Pdf, AttachmentContent.Sniff("%PDF-1.7\n"u8));
        Assert.Null(AttachmentContent.Sniff("GIF89a"u8));
        Assert.Null(AttachmentContent.Sniff("<html>%PDF-"u8));
        Assert.Null(AttachmentContent.Sniff([0xFF, 0xD8]));
        Assert.Null(AttachmentContent.Sniff([]));
    }

    [Fact]
    public void Strip_RemovesExifAndXmp_KeepsEverythingElseByteForByte()
    {
        var original = TestJpeg.Create(withLocation: true);

        var (stripped, removed) = JpegLocation.Strip(original)!.Value;

        Assert.Equal(2, removed);
        Assert.True(TestJpeg.Contains(original, TestJpeg.GpsText));
        Assert.False(TestJpeg.Contains(stripped, TestJpeg.GpsText));
        Assert.False(TestJpeg.Contains(stripped, TestJpeg.XmpText));
        // What is left is exactly the same file made without the location.
        Assert.Equal(TestJpeg.Create(withLocation: false), stripped);
    }

    [Fact]
    public void Strip_AJpegWithoutLocation_IsUnchanged()
    {
        var plain = TestJpeg.Create(withLocation: false);

        var (stripped, removed) = JpegLocation.Strip(plain)!.Value;

        Assert.Equal(0, removed);
        Assert.Equal(plain, stripped);
    }

    [Fact]
    public void Strip_FillBytesAndStandaloneMarkersBeforeTheScan_AreWalkedOver()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xFF, 0xE1, 0x00, 0x08, .. "Exif\0\0"u8, 0xFF, 0xD0, .. TestJpeg.Scan];

        var (stripped, removed) = JpegLocation.Strip(jpeg)!.Value;

        Assert.Equal(1, removed);
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xD0, .. TestJpeg.Scan], stripped);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x40, 0x01 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0xFF, 0xD9 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x12, 0x34 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01 })]
    public void Strip_NotAWellFormedJpeg_IsNull(byte[] bytes) => Assert.Null(JpegLocation.Strip(bytes));
}
