using System.Reflection;
using Dispatch.Silo.Api.Binding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Silo.OpenApi;

/// <summary>
/// Per operation: the bearer requirement where the endpoint requires authorization (and 401/403 only there); query
/// parameters as what they are (<see cref="QuerySchemaAttribute"/>); the other media types a 200 may come as
/// (<see cref="AlternateContent"/>); and the problems every body or engine call may answer (413, 415, 429 on /api, 503), all as
/// application/problem+json.
/// </summary>
public sealed class OperationTransformer : IOpenApiOperationTransformer
{
    public const string ProblemMediaType = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Responses.Remove("401");
            operation.Responses.Remove("403");
            operation.Security = [];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentTransformer.BearerScheme, context.Document)] = [] }];
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            var info = description.ParameterDescriptions
                .FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))?.ParameterDescriptor
                as IParameterInfoParameterDescriptor;
            if (info?.ParameterInfo.GetCustomAttribute<QuerySchemaAttribute>() is not { } query || parameter is not OpenApiParameter concrete)
                continue;
            var schema = new OpenApiSchema();
            query.Describe(schema);
            concrete.Schema = schema;
            concrete.Required = query.Required;
        }

        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okResponse)
        {
            foreach (var alternate in metadata.OfType<AlternateContent>())
            {
                okResponse.Content ??= new Dictionary<string, OpenApiMediaType>();
                okResponse.Content[alternate.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }

        if (operation.RequestBody is not null)
        {
            AddProblem(operation, context, "413", "The body is over 64 KB.");
            AddProblem(operation, context, "415", "The body is not application/json.");
        }
        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            AddProblem(operation, context, "429", "Too many requests from this principal (or, anonymous, this address); see Retry-After.");
        AddProblem(operation, context, "503", "The silo is starting or stopping, or the store is unavailable for longer than the request may wait; see Retry-After.");
        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }
}

/// <summary>Endpoint metadata: a 200 may also come as <see cref="MediaType"/> (text), chosen by Accept or ?format=.</summary>
public sealed record AlternateContent(string MediaType);
