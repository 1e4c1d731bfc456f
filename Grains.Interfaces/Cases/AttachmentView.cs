using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// A photo or document on a case (GET /cases/{id}/attachments/{n} serves its content): its number on the case (1, 2, …),
/// the content type told from its bytes, its size and SHA-256 as stored, when and by whom it was added, whether the
/// uploader kept a JPEG's location (EXIF/XMP), and the file name given, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.AttachmentView")]
public sealed record AttachmentView(
    int N,
    string ContentType,
    long Size,
    string Sha256,
    Instant At,
    string Actor,
    string? ActorName,
    bool LocationKept,
    string? FileName);

/// <summary>An attachment whose content is stored already (under the case and its SHA-256), to be listed on the case.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.AttachCase")]
public sealed record AttachCase(string ContentType, long Size, string Sha256, bool LocationKept, string? FileName, Actor Actor);
