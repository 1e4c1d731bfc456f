using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Silo.OpenApi;

/// <summary>
/// Names the API and declares the bearer scheme (the operations that need it say so: <see cref="OperationTransformer"/>).
/// The document names no server: it is the same wherever the silo runs, and a client is given its base address.
/// </summary>
public sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The security scheme's name in the document.</summary>
    public const string BearerScheme = "Bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Whether the silo is ready to take calls.",
        ["Auth"] = "Dev tokens and who the caller is.",
        ["Organisation"] = "Centers, departments and grids of the city (read-only, from the city file).",
        ["Cases"] = "Report a case and every step of its life: triage, whistle, resolve, close, follow up, escalate, supervise, take.",
        ["Summonses"] = "A department's summonses: acknowledge, arrive, feed back, decline.",
        ["Duty"] = "Who is on duty at a county center, and the cases its leaders took.",
        ["Live"] = "Server-Sent Events of case, summons and escalation changes.",
        ["Statistics"] = "Evaluation (考核) figures, rankings and the counties' cadence reports.",
        ["Metrics"] = "The engine's metrics now.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Dispatch API",
            Version = "v1",
            Description = "Whistle-and-report dispatch (吹哨报到) for governance centers. Errors are application/problem+json (RFC 9457).",
        };
        // Relative to where the document was fetched from, so the document is the same on every silo and host name.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The silo that serves this document" }];
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
            FieldSchemaTransformer.RemoveNullAlternatives(schema);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token naming one role and one scope: from POST /api/v1/auth/dev-token where dev tokens are on, from "
                + "`dotnet run --project Silo -- issue-token --role dutyLeader --scope <county center id> --days 30` (signed with the "
                + "silo's Auth:SigningKey), or from the OIDC provider the silo is configured to trust.",
        };
        return Task.CompletedTask;
    }
}
