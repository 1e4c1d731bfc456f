using System.Net;
using System.Net.Sockets;
using System.Text;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Errors;

/// <summary>
/// Errors the server raises itself, over real Kestrel: a URI too long (414) and headers too large (431) answer
/// problem+json like every other error; and a 403 says nothing about the scope a foreign case or summons belongs to.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class TransportErrorTests(SqliteSiloFixture fixture)
{
    private readonly SiloHost _host = fixture.Host;

    [Fact]
    public async Task GetCase_TenThousandCharacterId_Returns414Problem()
    {
        using var admin = await _host.ClientAsync("admin");

        using var response = await admin.GetAsync($"/api/v1/cases/{new string('C', 10_000)}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestUriTooLong, "uri-too-long");
        Assert.Contains("8192", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var anonymous = await _host.Http.GetAsync($"/health?x={new string('q', 9_000)}");
        await anonymous.AssertProblemAsync(HttpStatusCode.RequestUriTooLong, "uri-too-long");
    }

    [Fact]
    public async Task Get_HeadersOver32KB_Returns431Problem()
    {
        using var admin = await _host.ClientAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        using var response = await admin.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Fact]
    public async Task Get_RequestLineBeyondKestrelsOwnLimit_IsStillRefused()
    {
        // Past the raised Kestrel limit (64 KB) Kestrel answers before any middleware: the one bare answer left.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_host.Address.Host, _host.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /api/v1/cases/{new string('C', 70_000)} HTTP/1.1\r\nHost: x\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();
        Assert.StartsWith("HTTP/1.1 414", statusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_NamesNeitherTheTownshipNorTheDepartmentOfAForeignCase()
    {
        using var foreignCommissioner = await _host.ClientAsync("commissioner", "tc-b-t1");
        using var reported = await foreignCommissioner.PostJsonAsync("/api/v1/cases", new { gridId = "tc-b-t1-g1", category = "labour", summary = "欠薪", source = "grid" });
        var foreign = await reported.ReadAsync<CaseView>(HttpStatusCode.Created);
        using var admin = await _host.ClientAsync("admin");
        using var whistled = await admin.PostJsonAsync($"/api/v1/cases/{foreign.Id}/whistle", new { departmentIds = new[] { "tc-b-t1-pol" } });
        var summons = (await whistled.ReadAsync<SummonsView[]>())[0];

        using var commissioner = await _host.ClientAsync("commissioner", "tc-a-t1");
        using var department = await _host.ClientAsync("department", "tc-a-t1-pol");
        (HttpClient Client, string Path, object? Body, string[] Given)[] attempts =
        [
            (commissioner, $"/api/v1/cases/{foreign.Id}/resolve", new { outcome = "x" }, [foreign.Id]),
            (commissioner, $"/api/v1/cases/{foreign.Id}/whistle", new { departmentIds = new[] { "tc-a-t1-pol" } }, [foreign.Id, "tc-a-t1-pol"]),
            (commissioner, "/api/v1/cases", new { gridId = "tc-b-t1-g1", category = "labour", summary = "x", source = "grid" }, ["tc-b-t1-g1"]),
            (department, $"/api/v1/summonses/{summons.Id}/ack", null, [summons.Id]),
        ];
        foreach (var (client, path, body, given) in attempts)
        {
            using var response = await client.PostJsonAsync(path, body);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            var detail = given.Aggregate(problem.GetProperty("detail").GetString()!, (text, id) => text.Replace(id, "", StringComparison.Ordinal));
            Assert.DoesNotContain("tc-b", detail, StringComparison.Ordinal);
        }
        using var read = await commissioner.GetAsync($"/api/v1/cases/{foreign.Id}");
        var readProblem = await read.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain("tc-b", readProblem.GetProperty("detail").GetString()!.Replace(foreign.Id, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
