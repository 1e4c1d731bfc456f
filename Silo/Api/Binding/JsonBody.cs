using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.Api.Binding;

/// <summary>
/// A JSON request body of type <typeparamref name="T"/>, read by <see cref="JsonBodyReader"/> (strict JSON, unknown
/// fields refused, 64 KB at most, then <see cref="IRequestBody.Validate"/>). When reading fails, <see cref="Problem"/>
/// holds the 400/413/415 answer and <see cref="BodyProblemFilter"/> returns it before the handler runs.
/// </summary>
public sealed class JsonBody<T> : IBoundBody, IEndpointParameterMetadataProvider where T : class, IRequestBody
{
    private readonly T? _value;

    private JsonBody(T? value, ProblemDetails? problem)
    {
        _value = value;
        Problem = problem;
    }

    /// <summary>The body; only read it in a handler (the filter has rejected failed bodies).</summary>
    public T Value => _value ?? throw new InvalidOperationException($"The {typeof(T).Name} body failed to bind: {Problem?.Detail}");

    public ProblemDetails? Problem { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var (value, problem) = await JsonBodyReader.ReadAsync<T>(context);
        return new JsonBody<T>(value, problem);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T), isOptional: typeof(IOptionalRequestBody).IsAssignableFrom(typeof(T))));
}
