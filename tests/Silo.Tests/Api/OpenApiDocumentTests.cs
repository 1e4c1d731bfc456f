using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// The OpenAPI document the silo serves at /openapi/v1.json: it passes @redocly/cli lint, it says what the server does
/// (required fields, types, bounds, security), and it is the copy the Kiota client (tests/Dispatch.Client) was generated from.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class OpenApiDocumentTests(SqliteSiloFixture fixture)
{
    /// <summary>The command that refreshes the committed copy and regenerates the client from it.</summary>
    public const string Regenerate = "tests/Dispatch.Client/regenerate.sh";

    private async Task<(string Text, JsonNode Document)> ServedAsync()
    {
        using var response = await fixture.Host.Http.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return (text, JsonNode.Parse(text)!);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Dispatch.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task ServedDocument_PassesRedoclyLint()
    {
        var root = RepoRoot();
        var redocly = Path.Combine(root, "tools", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: run `npm ci --prefix tools` (.ci/run does).");
        var (text, _) = await ServedAsync();
        var file = Path.Combine(Path.GetTempPath(), $"dispatch-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        try
        {
            var start = new ProcessStartInfo(redocly)
            {
                ArgumentList = { "lint", file, "--config", Path.Combine(root, "redocly.yaml"), "--format", "stylish" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = root,
            };
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var lint = Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync();
            var errors = lint.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await lint.WaitForExitAsync(deadline.Token);
            Assert.True(lint.ExitCode == 0, $"redocly lint failed ({lint.ExitCode}):\n{await output}\n{await errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ServedDocument_IsTheOneTheClientWasGeneratedFrom()
    {
        var (text, served) = await ServedAsync();
        var copy = Path.Combine(RepoRoot(), "tests", "Dispatch.Client", "openapi-v1.json");
        if (Environment.GetEnvironmentVariable("DISPATCH_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(copy, text);
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(copy));
        Assert.True(JsonNode.DeepEquals(served, committed),
            $"The served /openapi/v1.json differs from {copy}, which the Kiota client in tests/Dispatch.Client was generated from. "
            + $"Run {Regenerate} (it refreshes the copy from a test silo and regenerates the client), then commit both.");
    }

    [Fact]
    public async Task RequestBodies_RequireExactlyTheirRequiredFields_WithoutNull()
    {
        var (_, document) = await ServedAsync();
        var schemas = document["components"]!["schemas"]!;

        Assert.Equal(["gridId", "category", "summary", "source"], Required(schemas["ReportCaseRequest"]!));
        Assert.Empty(Required(schemas["WhistleRequest"]!));
        Assert.Equal(["tier", "risk"], Required(schemas["TriageCaseRequest"]!));
        Assert.Equal(["satisfaction"], Required(schemas["FollowUpRequest"]!));
        Assert.Equal(["note", "done"], Required(schemas["FeedbackRequest"]!));
        Assert.Equal(["role"], Required(schemas["DevTokenRequest"]!));

        var tier = schemas["ReportCaseRequest"]!["properties"]!["tier"]!;
        Assert.Equal("#/components/schemas/CaseTier", tier["$ref"]!.GetValue<string>());
        var nulls = document.ToJsonString().Contains("\"null\"", StringComparison.Ordinal);
        Assert.False(nulls, "A schema still allows null (nothing is written as null, and request fields are left out, not null).");
        Assert.DoesNotContain("\"integer\",\"string\"", document.ToJsonString().Replace(" ", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestBodies_DescribeTheBoundsTheBinderChecks()
    {
        var (_, document) = await ServedAsync();
        var schemas = document["components"]!["schemas"]!;

        var satisfaction = schemas["FollowUpRequest"]!["properties"]!["satisfaction"]!;
        Assert.Equal(("integer", 1, 5), (satisfaction["type"]!.GetValue<string>(), satisfaction["minimum"]!.GetValue<int>(), satisfaction["maximum"]!.GetValue<int>()));
        var summary = schemas["ReportCaseRequest"]!["properties"]!["summary"]!;
        Assert.Equal((1, RequestErrors.MaxTextLength), (summary["minLength"]!.GetValue<int>(), summary["maxLength"]!.GetValue<int>()));
        Assert.Equal(200, schemas["ReportCaseRequest"]!["properties"]!["reporter"]!["maxLength"]!.GetValue<int>());
        var whistle = schemas["WhistleRequest"]!["properties"]!;
        Assert.Equal("duration", whistle["ackWithin"]!["format"]!.GetValue<string>());
        Assert.Equal((1, 50, true), (whistle["departmentIds"]!["minItems"]!.GetValue<int>(), whistle["departmentIds"]!["maxItems"]!.GetValue<int>(),
            whistle["departmentIds"]!["uniqueItems"]!.GetValue<bool>()));
        Assert.Equal("date-time", schemas["CaseView"]!["properties"]!["createdAt"]!["format"]!.GetValue<string>());
        Assert.Contains("createdAt", Required(schemas["CaseView"]!));
        Assert.DoesNotContain("tier", Required(schemas["CaseView"]!));

        var list = document["paths"]!["/api/v1/cases"]!["get"]!["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!);
        Assert.Equal("integer", list["page"]["type"]!.GetValue<string>());
        Assert.Equal(("integer", 200), (list["pageSize"]["type"]!.GetValue<string>(), list["pageSize"]["maximum"]!.GetValue<int>()));
        Assert.Equal("boolean", list["overdue"]["type"]!.GetValue<string>());
        Assert.Contains("open", list["state"]["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Security_OnlyWhereTheEndpointNeedsIt_AsAJwtBearer()
    {
        var (_, document) = await ServedAsync();
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal(("http", "bearer", "JWT"), (scheme["type"]!.GetValue<string>(), scheme["scheme"]!.GetValue<string>(), scheme["bearerFormat"]!.GetValue<string>()));
        Assert.Contains("issue-token", scheme["description"]!.GetValue<string>());
        Assert.Null(document["security"]);

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var secured = operation!["security"] is JsonArray { Count: > 0 };
                var anonymous = path is "/health" or "/api/v1/auth/dev-token";
                Assert.True(secured != anonymous, $"{method} {path}: security {(secured ? "required" : "not required")}");
                Assert.Equal(secured, operation["responses"]!.AsObject().ContainsKey("401"));
            }
        }
    }

    [Fact]
    public async Task EveryProblemResponse_IsProblemJsonWithTheProblemDetailsSchema()
    {
        var (_, document) = await ServedAsync();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    if (status[0] is not ('4' or '5'))
                        continue;
                    var content = response!["content"]!.AsObject();
                    Assert.True(content.Count == 1 && content.ContainsKey("application/problem+json"), $"{method} {path} {status}: {content.ToJsonString()}");
                    var schema = content["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>();
                    Assert.Contains(schema, new[] { "#/components/schemas/ProblemDetails", "#/components/schemas/HttpValidationProblemDetails" });
                }
            }
        }
    }

    [Fact]
    public void RequestBodies_EveryFieldHasARule()
    {
        var bodies = typeof(IRequestBody).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRequestBody).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(bodies);
        foreach (var body in bodies)
        {
            var info = JsonBodyReader.Options.GetTypeInfo(body);
            Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
            Assert.All(info.Properties, p => Assert.True(FieldRules.Find(p) is not null, $"{body.Name}.{p.Name} has no field rule"));
        }
    }

    private static string[] Required(JsonNode schema) =>
        schema["required"] is JsonArray required ? required.Select(n => n!.GetValue<string>()).ToArray() : [];
}
