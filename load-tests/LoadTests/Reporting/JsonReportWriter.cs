using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Grains.Interfaces.Serialization;
using Orleans;

namespace Dispatch.LoadTests.Reporting;

/// <summary>The report as indented JSON (camelCase, enums as strings, instants as ISO-8601), for tools and diffs.</summary>
public static class JsonReportWriter
{
    /// <summary>The report's JSON conventions, for the other reports of the load tests too.</summary>
    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Render(SurgeReport report) => JsonSerializer.Serialize(report, Options);

    public static SurgeReport? Parse(string json) => JsonSerializer.Deserialize<SurgeReport>(json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = DispatchJson.CreateOptions();
        options.WriteIndented = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }
}
