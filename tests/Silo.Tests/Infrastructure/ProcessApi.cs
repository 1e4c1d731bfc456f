using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>The few API calls the process tests make against a silo child process (<see cref="SiloProcess"/>).</summary>
public static class ProcessApi
{
    public const string Township = "tc-a-t1";
    public const string Grid = "tc-a-t1-g1";
    public static readonly string[] Departments = ["tc-a-t1-pol", "tc-a-t1-jud"];

    /// <summary>A client of the silo at <paramref name="address"/> with a dev token for <paramref name="identity"/> ({ role, scope }).</summary>
    public static async Task<HttpClient> ClientAsync(Uri address, object identity)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostJsonAsync("/api/v1/auth/dev-token", identity);
        var token = (await response.ReadAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A commissioner of <see cref="Township"/> on the silo at <paramref name="address"/>.</summary>
    public static Task<HttpClient> CommissionerAsync(Uri address) => ClientAsync(address, new { role = "commissioner", scope = Township });

    /// <summary>Reports a red-risk case in <see cref="Grid"/>; returns its id.</summary>
    public static async Task<string> ReportAsync(HttpClient http, string summary = "process test")
    {
        using var response = await http.PostJsonAsync("/api/v1/cases",
            new { gridId = Grid, category = "neighbourDispute", summary, source = "window", risk = "red" });
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>Summons <see cref="Departments"/> with the given deadlines; returns the summons ids.</summary>
    public static async Task<string[]> WhistleAsync(HttpClient http, string caseId, string ackWithin, string arriveWithin)
    {
        using var response = await http.PostJsonAsync($"/api/v1/cases/{caseId}/whistle",
            new { departmentIds = Departments, ackWithin, arriveWithin });
        var body = await response.ReadAsync<JsonElement>();
        return body.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
    }

    /// <summary>
    /// The case as JSON; asserts 200. A 503 (the engine busy past the request budget, as on a loaded machine) is asked
    /// again after its Retry-After, for at most a minute.
    /// </summary>
    public static async Task<JsonElement> CaseAsync(HttpClient http, string caseId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await http.GetAsync($"/api/v1/cases/{caseId}");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"accepted case {caseId} did not come back ({(int)response.StatusCode}): {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Polls /health of every silo (every 200 ms, for at most <paramref name="patience"/>) until each sees <paramref name="count"/> active silos.</summary>
    public static async Task WaitForActiveSilosAsync(IEnumerable<SiloProcess> silos, int count, TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + patience;
        foreach (var silo in silos)
        {
            string last = "";
            while (true)
            {
                try
                {
                    var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(silo.Address, "/health"))).RootElement;
                    last = health.ToString();
                    if (health.TryGetProperty("activeSilos", out var active) && active.GetInt32() == count)
                        break;
                }
                catch (HttpRequestException e)
                {
                    last = e.Message;
                }
                Assert.True(DateTime.UtcNow < deadline, $"{silo.Name} did not see {count} active silos within {patience}: {last}\n{silo.Tail()}");
                await Task.Delay(200);
            }
        }
    }
}
