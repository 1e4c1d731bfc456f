using Microsoft.AspNetCore.OpenApi;

namespace Dispatch.Silo.OpenApi;

public static class DispatchOpenApi
{
    /// <summary>Where the silo serves the document.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>
    /// The OpenAPI document of the public API: /health and /api/v1 (not the Orleans dashboard's or the web dashboard's
    /// own endpoints), exact about required fields, types, bounds and security (see the transformers).
    /// </summary>
    public static IServiceCollection AddDispatchOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath is { } path && (path == "health" || path.StartsWith("api/v1/", StringComparison.Ordinal));
            o.CreateSchemaReferenceId = t => NodaTimeSchemaTransformer.Describes(t.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(t);
            o.AddDocumentTransformer<DocumentTransformer>();
            o.AddOperationTransformer<OperationTransformer>();
            o.AddSchemaTransformer<NodaTimeSchemaTransformer>();
            o.AddSchemaTransformer<FieldSchemaTransformer>();
        });
}
