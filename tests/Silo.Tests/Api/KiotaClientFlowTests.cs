using Dispatch.Client;
using Dispatch.Client.Models;
using Dispatch.Silo.Tests.Infrastructure;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using StatsPeriodQuery = Dispatch.Client.Api.V1.Stats.GetPeriodQueryParameterType;
using SummonsStateQuery = Dispatch.Client.Api.V1.Departments.Item.Summonses.GetStateQueryParameterType;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// The whole flow through the client Kiota generated from the served document (tests/Dispatch.Client): no request is
/// written by hand, so every call the flow needs must be described exactly enough for a generator.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class KiotaClientFlowTests(SqliteSiloFixture fixture) : IDisposable
{
    private const string Township = "tc-a-t2";
    private const string Grid = "tc-a-t2-g1";
    private const string PoliceStation = "tc-a-t2-pol";
    private static readonly Date Monday = new(2026, 11, 23);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private DispatchClient Client(IAuthenticationProvider authentication) =>
        new(new HttpClientRequestAdapter(authentication, httpClient: _http) { BaseUrl = fixture.Host.Address.ToString().TrimEnd('/') });

    /// <summary>A client signed in with a dev token the anonymous client fetched.</summary>
    private async Task<DispatchClient> SignInAsync(string role, string scope)
    {
        var token = await Client(new AnonymousAuthenticationProvider()).Api.V1.Auth.DevToken
            .PostAsync(new DevTokenRequest { Role = role, Scope = scope });
        Assert.Equal((role, scope), (token!.Role, token.Scope));
        return Client(new BaseBearerTokenAuthenticationProvider(new FixedToken(token.Token!)));
    }

    [Fact]
    public async Task GeneratedClient_DrivesTheWholeFlow_FromReportToStatistics()
    {
        var commissioner = await SignInAsync("commissioner", Township);
        var police = await SignInAsync("department", PoliceStation);
        var before = await commissioner.Api.V1.Stats.GetAsync(c =>
        {
            c.QueryParameters.Scope = Township;
            c.QueryParameters.Period = StatsPeriodQuery.Day;
            c.QueryParameters.At = Monday;
        });

        var reported = await commissioner.Api.V1.Cases.PostAsync(new ReportCaseRequest
        {
            GridId = Grid, Category = Category.NeighbourDispute, Summary = "楼上漏水", Source = CaseSource.Window,
        });
        var id = reported!.Id!;
        Assert.Equal(CaseState.Reported, reported.State);
        var triaged = await commissioner.Api.V1.Cases[id].Triage.PostAsync(new TriageCaseRequest { Tier = CaseTier.General, Risk = RiskColour.Orange });
        Assert.Equal((CaseState.Triaged, CaseTier.General), (triaged!.State, triaged.Tier));
        var summonses = await commissioner.Api.V1.Cases[id].Whistle.PostAsync(new WhistleRequest
        {
            DepartmentIds = [PoliceStation], AckWithin = TimeSpan.FromMinutes(30), Note = "请速到场",
        });
        var summons = Assert.Single(summonses!);
        Assert.Equal(summons.IssuedAt + TimeSpan.FromMinutes(30), summons.AckDueAt);
        await fixture.Host.DeliverAsync(id);

        var inbox = await police.Api.V1.Departments[PoliceStation].Summonses.GetAsync(c => c.QueryParameters.State = SummonsStateQuery.Open);
        Assert.Contains(inbox!, s => s.Id == summons.Id);
        Assert.Equal(SummonsState.Acknowledged, (await police.Api.V1.Summonses[summons.Id!].Ack.PostAsync(new NoteRequest()))!.State);
        Assert.Equal(SummonsState.Arrived, (await police.Api.V1.Summonses[summons.Id!].Arrive.PostAsync(new NoteRequest { Note = "已到场" }))!.State);
        var fedBack = await police.Api.V1.Summonses[summons.Id!].Feedback.PostAsync(new FeedbackRequest { Note = "已调解", Done = true });
        Assert.Equal(SummonsState.FedBack, fedBack!.State);

        Assert.Equal(CaseState.Resolved, (await commissioner.Api.V1.Cases[id].Resolve.PostAsync(new ResolveCaseRequest { Outcome = "调解成功" }))!.State);
        Assert.Equal(CaseState.Closed, (await commissioner.Api.V1.Cases[id].Close.PostAsync(new NoteRequest()))!.State);
        var followedUp = await commissioner.Api.V1.Cases[id].FollowUp.PostAsync(new FollowUpRequest { Satisfaction = 5, Note = "满意" });
        Assert.Equal((CaseState.FollowedUp, 5), (followedUp!.State, followedUp.Satisfaction));
        await fixture.Host.DeliverAsync(id);

        var read = await commissioner.Api.V1.Cases[id].GetAsync();
        Assert.Equal(CaseState.FollowedUp, read!.State);
        var page = await commissioner.Api.V1.Cases.GetAsync(c =>
        {
            c.QueryParameters.Center = Township;
            c.QueryParameters.Page = 1;
            c.QueryParameters.PageSize = 200;
            c.QueryParameters.Overdue = false;
        });
        Assert.Contains(page!.Items!, s => s.Id == id);
        var after = await commissioner.Api.V1.Stats.GetAsync(c =>
        {
            c.QueryParameters.Scope = Township;
            c.QueryParameters.Period = StatsPeriodQuery.Day;
            c.QueryParameters.At = Monday;
        });
        Assert.Equal((before!.Accepted + 1, before.FollowUps + 1, before.Closed + 1), (after!.Accepted, after.FollowUps, after.Closed));
    }

    [Fact]
    public async Task GeneratedClient_BadInput_SurfacesTheValidationProblem()
    {
        var commissioner = await SignInAsync("commissioner", Township);
        var reported = await commissioner.Api.V1.Cases.PostAsync(new ReportCaseRequest
        {
            GridId = Grid, Category = Category.Other, Summary = "路灯不亮", Source = CaseSource.Grid,
        });

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            commissioner.Api.V1.Cases[reported!.Id!].FollowUp.PostAsync(new FollowUpRequest { Satisfaction = 6 }));

        Assert.Equal(400, problem.Status);
        Assert.True(problem.Errors!.AdditionalData.ContainsKey("satisfaction"));
        Assert.Equal(CaseState.Reported, (await commissioner.Api.V1.Cases[reported!.Id!].GetAsync())!.State);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The bearer token a client was given.</summary>
    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => Task.FromResult(token);
    }
}
