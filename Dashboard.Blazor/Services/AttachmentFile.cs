using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Dashboard.Services;

/// <summary>An attachment of a case and its stored bytes, for the dashboard's download endpoint.</summary>
public sealed record AttachmentFile(AttachmentView Attachment, byte[] Content);
