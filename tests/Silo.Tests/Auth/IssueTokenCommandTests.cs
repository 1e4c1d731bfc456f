using System.Net.Http.Headers;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Testing;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Auth;

[Collection(SqliteSiloCollection.Name)]
public sealed class IssueTokenCommandTests(SqliteSiloFixture fixture)
{
    private static string[] Settings =>
    [
        $"--City:File={SiloHost.CityFile}",
        $"--Auth:SigningKey={SiloHost.SigningKey}",
        $"--Storage:ConnectionString={TestDatabases.NewSqliteFile()}",
    ];

    [Fact]
    public async Task Run_ValidRoleAndScope_PrintsATokenTheSiloAccepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = IssueTokenCommand.Run(["issue-token", "--role", "dutyLeader", "--scope", "tc-a", "--days", "2", "--name", "王局长", .. Settings], output, error);

        Assert.True(exit == 0, error.ToString());
        using var client = new HttpClient { BaseAddress = fixture.Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        using var response = await client.GetAsync("/api/v1/auth/me");
        var actor = await response.ReadAsync<Actor>();
        Assert.Equal(new Actor("dutyLeader", "tc-a", "王局长"), actor);
    }

    [Fact]
    public async Task Run_GridWorkerOfAGrid_PrintsATokenTheSiloAccepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = IssueTokenCommand.Run(["issue-token", "--role", "gridWorker", "--scope", "tc-a-t1-g1", .. Settings], output, error);

        Assert.True(exit == 0, error.ToString());
        using var client = new HttpClient { BaseAddress = fixture.Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        using var response = await client.GetAsync("/api/v1/auth/me");
        Assert.Equal(new Actor("gridWorker", "tc-a-t1-g1", "东一社区第1网格网格员"), await response.ReadAsync<Actor>());
    }

    [Theory]
    [InlineData("--role", "gridWorker", "--scope", "tc-a-t1")]
    [InlineData("--role", "dutyLeader", "--scope", "tc-a-t1")]
    [InlineData("--role", "emperor")]
    [InlineData("--scope", "tc-a")]
    [InlineData("--role", "admin", "--days", "0")]
    public void Run_BadArguments_ExitsWith2AndSaysWhy(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = IssueTokenCommand.Run(["issue-token", .. arguments, .. Settings], output, error);

        Assert.Equal(2, exit);
        Assert.Equal("", output.ToString());
        Assert.NotEqual("", error.ToString().Trim());
    }
}
