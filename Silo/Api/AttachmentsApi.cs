using System.Security.Claims;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Application;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/cases/{id}/attachments: photos and documents on a case.</summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/cases/{id}/attachments").WithTags("Cases");
        api.MapPost("/", Attach).RequireAuthorization(Policies.Annotator)
            .WithName("AttachToCase")
            .WithSummary("Attach a photo or document (the raw bytes as the body: JPEG, PNG or PDF, told from the content; a JPEG's EXIF/XMP location is removed unless keepLocation=true); 201, or 200 with the earlier attachment when the same principal attached the same bytes before")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/", List).WithName("ListCaseAttachments").WithSummary("The attachments of a case");
        api.MapGet("/{n}", Content).WithName("GetCaseAttachment").WithSummary("An attachment's content, with its content type")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg", "image/png", "application/pdf");
        return api;
    }

    public static async Task<Results<Created<AttachmentView>, Ok<AttachmentView>, ProblemHttpResult>> Attach(
        string id, RawBody body, [QuerySchema(QueryKind.Boolean)] string? keepLocation, string? fileName,
        ClaimsPrincipal user, AttachmentOperations attachments)
    {
        bool keep = false;
        if (keepLocation is not null && !bool.TryParse(keepLocation, out keep))
            return Problems.Result(Problems.Validation("keepLocation", "Must be true or false."));
        var result = await attachments.AttachAsync(user.ToActor(), id, body.Content, keep, fileName);
        if (!result.Succeeded)
            return result.ToProblem();
        return result.Outcome == Outcome.Ok
            ? TypedResults.Created($"/api/v1/cases/{id}/attachments/{result.Value!.N}", result.Value)
            : TypedResults.Ok(result.Value!);
    }

    public static async Task<Results<Ok<IReadOnlyList<AttachmentView>>, ProblemHttpResult>> List(string id, ClaimsPrincipal user, AttachmentOperations attachments) =>
        (await attachments.ListAsync(user.ToActor(), id)).ToHttp();

    public static async Task<IResult> Content(string id, string n, HttpResponse response, ClaimsPrincipal user, AttachmentOperations attachments)
    {
        if (!int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
            return Problems.Result(Problems.NotFound($"Case {id} has no attachment '{n}'."));
        var result = await attachments.ReadAsync(user.ToActor(), id, number);
        if (!result.Succeeded)
            return result.ToProblem();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Bytes(result.Value.Content, result.Value.Attachment.ContentType);
    }
}
