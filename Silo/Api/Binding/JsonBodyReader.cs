using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Dispatch.Grains.Interfaces.Serialization;
using Orleans;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.Api.Binding;

/// <summary>
/// Reads request bodies strictly: application/json only (415), at most <see cref="MaxBodyBytes"/> (413), well-formed
/// JSON (400 on "body"), an object whose fields are all known and well typed (400 naming the field; enums list their
/// values), then the body's own <see cref="IRequestBody.Validate"/> (400 with every field error).
/// </summary>
public static partial class JsonBodyReader
{
    /// <summary>The largest request body accepted: 64 KB.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>The product's JSON conventions (<see cref="DispatchJson"/>) made strict for input: unknown fields, duplicate fields and numbers in strings are errors.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static async Task<(T? Value, ProblemDetails? Problem)> ReadAsync<T>(HttpContext context) where T : class, IRequestBody
    {
        var request = context.Request;
        var optional = typeof(IOptionalRequestBody).IsAssignableFrom(typeof(T));
        if (request.ContentLength > MaxBodyBytes)
            return (null, Problems.PayloadTooLarge(MaxBodyBytes));

        byte[] bytes = [];
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0)
        {
            if (!request.HasJsonContentType())
                return (null, Problems.UnsupportedMediaType());
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false })
                limit.MaxRequestBodySize = MaxBodyBytes;
            try
            {
                bytes = await ReadBoundedAsync(request.Body, context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, Problems.PayloadTooLarge(MaxBodyBytes));
            }
            catch (PayloadTooLargeException)
            {
                return (null, Problems.PayloadTooLarge(MaxBodyBytes));
            }
        }

        if (bytes.Length == 0)
        {
            if (!optional)
                return (null, Problems.Validation("body", "A JSON object is required."));
            bytes = "{}"u8.ToArray();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return (null, Problems.Validation("body", $"Malformed JSON: {e.Message}"));
        }

        T? value;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, Problems.Validation("body", "A JSON object is required."));
            try
            {
                value = document.Deserialize<T>(Options);
            }
            catch (JsonException e)
            {
                var (field, message) = Describe(e, Options.GetTypeInfo(typeof(T)));
                return (null, Problems.Validation(field, message));
            }
        }
        if (value is null)
            return (null, Problems.Validation("body", "A JSON object is required."));

        var errors = new RequestErrors();
        value.Validate(errors);
        return errors.IsEmpty ? (value, null) : (null, Problems.Validation(errors.ToDictionary()));
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                throw new PayloadTooLargeException();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The field a deserialization error is about and a message without .NET type names.</summary>
    internal static (string Field, string Message) Describe(JsonException error, JsonTypeInfo typeInfo)
    {
        var path = error.Path ?? "$";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path == "$" ? "" : path.TrimStart('$');
        if (error.Message.Contains("could not be mapped", StringComparison.Ordinal) && UnmappedName().Match(error.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            var parent = field.EndsWith(name, StringComparison.Ordinal) ? field[..^name.Length].TrimEnd('.') : field;
            return (parent.Length == 0 ? name : $"{parent}.{name}", "Unknown field.");
        }
        if (field.Length == 0)
            return ("body", "The JSON does not match the expected object.");

        var top = field.Split('.', '[')[0];
        var property = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, top, StringComparison.OrdinalIgnoreCase));
        var type = property?.PropertyType;
        if (type is not null && field.Contains('[', StringComparison.Ordinal))
            type = type.IsArray ? type.GetElementType() : type.GenericTypeArguments.FirstOrDefault();
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return (field, type switch
        {
            { IsEnum: true } => $"Not a valid value; use one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}.",
            _ when type == typeof(string) => "Must be a string.",
            _ when type == typeof(bool) => "Must be true or false.",
            _ when type == typeof(int) || type == typeof(long) => "Must be an integer.",
            _ when type is not null && type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "Must be an array.",
            _ => "Not a valid value.",
        });
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = DispatchJson.CreateOptions();
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    [GeneratedRegex("property '([^']*)'")]
    private static partial Regex UnmappedName();

    private sealed class PayloadTooLargeException : Exception;
}
