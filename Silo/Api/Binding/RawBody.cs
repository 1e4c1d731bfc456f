using System.Reflection;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Api.Binding;

/// <summary>
/// A raw request body (an attachment's bytes), read whole before the handler runs — so a handler run again by the
/// engine retry filter sees it again — and bounded by <see cref="AttachmentOptions.MaxBytes"/> (413 above it): the one
/// endpoint allowed past the 64 KB of JSON bodies raises the server's limit for its own request only.
/// </summary>
public sealed class RawBody : IBoundBody, IEndpointParameterMetadataProvider
{
    private RawBody(byte[] content, ProblemDetails? problem)
    {
        Content = content;
        Problem = problem;
    }

    public byte[] Content { get; }

    public ProblemDetails? Problem { get; }

    public static async ValueTask<RawBody?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var max = context.RequestServices.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes;
        var request = context.Request;
        if (request.ContentLength > max)
            return new RawBody([], Problems.PayloadTooLarge(max));
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
            limit.MaxRequestBodySize = max;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > max)
                    return new RawBody([], Problems.PayloadTooLarge(max));
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new RawBody([], Problems.PayloadTooLarge(max));
        }
        return new RawBody(buffer.ToArray(), null);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["image/jpeg", "image/png", "application/pdf", "application/octet-stream"], typeof(byte[])));
}
