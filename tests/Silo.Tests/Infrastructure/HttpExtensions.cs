using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dispatch.Silo.Tests.Infrastructure;

public static class HttpExtensions
{
    /// <summary>POSTs raw JSON text (so tests can send malformed or unusual bodies).</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, contentType));

    /// <summary>POSTs a body serialized with the product's JSON conventions.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body = null) =>
        body is null
            ? client.PostAsync(path, content: null)
            : client.PostAsync(path, JsonContent.Create(body, body.GetType(), options: SiloHost.Json));

    /// <summary>Asserts the status and reads the body as <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, SiloHost.Json)!;
    }

    /// <summary>
    /// Asserts a problem+json answer with the status and the type <c>https://dispatch.local/problems/{type}</c>; when
    /// <paramref name="field"/> is given, that <c>errors</c> names it. Returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"expected application/problem+json but got {response.Content.Headers.ContentType}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal($"https://dispatch.local/problems/{type}", problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _), $"no traceId in {text}");
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
                $"expected an error on '{field}' in {text}");
        }
        return problem;
    }
}
