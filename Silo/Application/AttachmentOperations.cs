using Dispatch.Grains.Interfaces.Faults;
using System.Security.Cryptography;
using Dispatch.Grains.Domain.Attachments;
using Dispatch.Grains.Domain.Cases;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Attachments;
using Dispatch.Silo.Auth;
using Orleans;

namespace Dispatch.Silo.Application;

/// <summary>
/// Photos and documents on a case: the type told from the content (JPEG, PNG, PDF), a JPEG's location taken out unless
/// the uploader keeps it (<see cref="JpegLocation"/>), the content stored first (<see cref="IAttachmentStore"/>), then
/// listed by the case grain; read back only by principals who may read the case.
/// </summary>
public sealed class AttachmentOperations(CityModel city, IGrainFactory grains, DispatchOperations cases, IAttachmentStore store)
{
    /// <summary>The longest file name kept with an attachment.</summary>
    public const int MaxFileName = 200;

    /// <summary>
    /// Attaches <paramref name="content"/> to the case: Ok with the new attachment, Unchanged with the earlier one when
    /// this principal attached the same bytes before (a retried upload).
    /// </summary>
    public async Task<OperationResult<AttachmentView>> AttachAsync(Actor actor, string caseId, byte[] content, bool keepLocation, string? fileName)
    {
        if (fileName is not null && (fileName.Length is 0 or > MaxFileName || fileName.Any(char.IsControl)))
            return OperationResult<AttachmentView>.Invalid("fileName", Fault.Of("printable", ("max", MaxFileName)));
        if (!Policies.Allows(Policies.Annotator, actor.Role))
            return OperationResult<AttachmentView>.Forbidden($"The role of {actor} may not make this call.");
        var read = await cases.GetCaseAsync(actor, caseId);
        if (!read.Succeeded)
            return read.As<AttachmentView>();
        var view = read.Value!;
        // The grain decides again; checking first keeps a caller who may not attach from writing to the store at all.
        if (CaseActors.Check(actor, CaseDuty.Annotate, view.Id, view.TownshipId, view.CenterId, city.CountyOf(view.TownshipId)?.Id, view.ReportedBy) is not null)
            return OperationResult<AttachmentView>.Forbidden(OperationResult<AttachmentView>.ForbiddenByScope);

        if (content.Length == 0)
            return OperationResult<AttachmentView>.Invalid("body", Fault.Of("emptyBody"));
        var type = AttachmentContent.Sniff(content);
        if (type is null)
            return OperationResult<AttachmentView>.Invalid("body", Fault.Of("notMedia", ("accepted", string.Join(", ", AttachmentContent.Accepted))));
        if (type == AttachmentContent.Jpeg && !keepLocation)
        {
            if (JpegLocation.Strip(content) is not { } stripped)
                return OperationResult<AttachmentView>.Invalid("body", Fault.Of("badJpeg"));
            content = stripped.Jpeg;
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await store.SaveAsync(view.Id, sha256, content);
        var result = OperationResult<CaseView>.From(await grains.GetGrain<ICaseGrain>(view.Id)
            .Attach(new AttachCase(type, content.Length, sha256, keepLocation && type == AttachmentContent.Jpeg, fileName, actor)));
        if (!result.Succeeded)
            return result.As<AttachmentView>();
        var attachment = result.Value!.Attachments.Last(a => a.Sha256 == sha256 && a.Actor == actor.ToString());
        return new OperationResult<AttachmentView>(result.Outcome, attachment);
    }

    /// <summary>The attachments of a case the actor may read.</summary>
    public async Task<OperationResult<IReadOnlyList<AttachmentView>>> ListAsync(Actor actor, string caseId)
    {
        var read = await cases.GetCaseAsync(actor, caseId);
        return read.Succeeded ? OperationResult<IReadOnlyList<AttachmentView>>.Ok(read.Value!.Attachments) : read.As<IReadOnlyList<AttachmentView>>();
    }

    /// <summary>One attachment and its content, of a case the actor may read.</summary>
    public async Task<OperationResult<(AttachmentView Attachment, byte[] Content)>> ReadAsync(Actor actor, string caseId, int n)
    {
        var read = await cases.GetCaseAsync(actor, caseId);
        if (!read.Succeeded)
            return read.As<(AttachmentView, byte[])>();
        var attachment = read.Value!.Attachments.FirstOrDefault(a => a.N == n);
        if (attachment is null)
            return OperationResult<(AttachmentView, byte[])>.NotFound(Fault.Of("noAttachment", ("case", caseId), ("n", n)));
        var content = await store.ReadAsync(read.Value.Id, attachment.Sha256);
        return content is null
            ? OperationResult<(AttachmentView, byte[])>.NotFound(Fault.Of("attachmentLost", ("case", caseId), ("n", n)))
            : OperationResult<(AttachmentView, byte[])>.Ok((attachment, content));
    }
}
