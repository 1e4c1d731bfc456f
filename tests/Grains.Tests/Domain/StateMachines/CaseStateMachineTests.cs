using Dispatch.Grains.Domain.StateMachines;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Tests.Domain.StateMachines;

public sealed class CaseStateMachineTests
{
    public static TheoryData<CaseState, CaseAction, CaseState, CaseTier> Allowed => new()
    {
        { CaseState.Reported, CaseAction.Triage, CaseState.Triaged, CaseTier.General },
        { CaseState.Reported, CaseAction.Whistle, CaseState.Whistled, CaseTier.General },
        { CaseState.Triaged, CaseAction.Whistle, CaseState.Whistled, CaseTier.General },
        { CaseState.Whistled, CaseAction.Whistle, CaseState.Whistled, CaseTier.General },
        { CaseState.InProgress, CaseAction.Whistle, CaseState.InProgress, CaseTier.General },
        { CaseState.Whistled, CaseAction.StartWork, CaseState.InProgress, CaseTier.General },
        { CaseState.Triaged, CaseAction.Resolve, CaseState.Resolved, CaseTier.Consultation },
        { CaseState.Whistled, CaseAction.Resolve, CaseState.Resolved, CaseTier.General },
        { CaseState.InProgress, CaseAction.Resolve, CaseState.Resolved, CaseTier.Complex },
        { CaseState.Resolved, CaseAction.Close, CaseState.Closed, CaseTier.General },
        { CaseState.Resolved, CaseAction.FollowUp, CaseState.Resolved, CaseTier.General },
        { CaseState.Closed, CaseAction.FollowUp, CaseState.FollowedUp, CaseTier.General },
        { CaseState.Resolved, CaseAction.Reopen, CaseState.Triaged, CaseTier.General },
        { CaseState.Closed, CaseAction.Reopen, CaseState.Triaged, CaseTier.General },
        { CaseState.FollowedUp, CaseAction.Reopen, CaseState.Triaged, CaseTier.Consultation },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Apply_AllowedTransition(CaseState from, CaseAction action, CaseState to, CaseTier tier)
    {
        var result = CaseStateMachine.Apply(from, action, tier);

        Assert.Equal(TransitionOutcome.Allowed, result.Outcome);
        Assert.Equal(to, result.To);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Transitions_ContainExactlyTheAllowedRows() =>
        Assert.Equal(Allowed.Count(), CaseStateMachine.Transitions.Count);

    [Theory]
    [InlineData(CaseState.Reported, CaseAction.Resolve)]
    [InlineData(CaseState.Reported, CaseAction.Close)]
    [InlineData(CaseState.Reported, CaseAction.StartWork)]
    [InlineData(CaseState.Triaged, CaseAction.Close)]
    [InlineData(CaseState.Whistled, CaseAction.Close)]
    [InlineData(CaseState.InProgress, CaseAction.Close)]
    [InlineData(CaseState.InProgress, CaseAction.Triage)]
    [InlineData(CaseState.Resolved, CaseAction.Whistle)]
    [InlineData(CaseState.Closed, CaseAction.Whistle)]
    [InlineData(CaseState.Closed, CaseAction.Resolve)]
    [InlineData(CaseState.Reported, CaseAction.FollowUp)]
    [InlineData(CaseState.InProgress, CaseAction.FollowUp)]
    [InlineData(CaseState.FollowedUp, CaseAction.Close)]
    [InlineData(CaseState.InProgress, CaseAction.Reopen)]
    public void Apply_ForbiddenTransition_MessageNamesBothStates(CaseState from, CaseAction action)
    {
        var result = CaseStateMachine.Apply(from, action, CaseTier.General);

        Assert.Equal(TransitionOutcome.Forbidden, result.Outcome);
        Assert.Equal(CaseStateMachine.TargetOf(action), result.To);
        Assert.Contains($"'{Camel(from)}'", result.Message);
        Assert.Contains($"'{Camel(result.To)}'", result.Message);
    }

    [Fact]
    public void Apply_ResolveFromTriaged_OnlyForConsultation()
    {
        var result = CaseStateMachine.Apply(CaseState.Triaged, CaseAction.Resolve, CaseTier.Simple);

        Assert.True(result.IsForbidden);
        Assert.Contains("consultation", result.Message);
        Assert.False(CaseStateMachine.Apply(CaseState.Triaged, CaseAction.Resolve).IsAllowed);
    }

    [Fact]
    public void Apply_Close_ForbiddenBeforeResolution()
    {
        var result = CaseStateMachine.Apply(CaseState.InProgress, CaseAction.Close);

        Assert.Equal("Cannot close a case that is 'inProgress' (target 'closed'): close is allowed only when the case is 'resolved'.", result.Message);
    }

    [Theory]
    [InlineData(CaseState.Triaged, CaseAction.Triage)]
    [InlineData(CaseState.InProgress, CaseAction.StartWork)]
    [InlineData(CaseState.Resolved, CaseAction.Resolve)]
    [InlineData(CaseState.Closed, CaseAction.Close)]
    [InlineData(CaseState.FollowedUp, CaseAction.FollowUp)]
    public void Apply_RepeatInTargetState_IsAlreadyThere(CaseState state, CaseAction action)
    {
        var result = CaseStateMachine.Apply(state, action);

        Assert.Equal(TransitionOutcome.AlreadyThere, result.Outcome);
        Assert.Equal(state, result.To);
    }

    [Fact]
    public void Apply_SecondWhistle_IsAllowedNotAlreadyThere() =>
        Assert.True(CaseStateMachine.Apply(CaseState.Whistled, CaseAction.Whistle).IsAllowed);

    [Theory]
    [InlineData(CaseState.Reported, CaseState.Triaged)]
    [InlineData(CaseState.Reported, CaseState.Whistled)]
    [InlineData(CaseState.Whistled, CaseState.InProgress)]
    [InlineData(CaseState.InProgress, CaseState.Resolved)]
    [InlineData(CaseState.Resolved, CaseState.Closed)]
    [InlineData(CaseState.Closed, CaseState.FollowedUp)]
    public void CanTransition_ForwardSteps(CaseState from, CaseState to) =>
        Assert.True(CaseStateMachine.CanTransition(from, to));

    [Theory]
    [InlineData(CaseState.Reported, CaseState.Closed)]
    [InlineData(CaseState.InProgress, CaseState.Whistled)]
    [InlineData(CaseState.Resolved, CaseState.FollowedUp)]
    [InlineData(CaseState.Closed, CaseState.Resolved)]
    [InlineData(CaseState.FollowedUp, CaseState.Reported)]
    public void CanTransition_Forbidden(CaseState from, CaseState to) =>
        Assert.False(CaseStateMachine.CanTransition(from, to));

    [Fact]
    public void CanTransition_TierRestrictedRow_NeedsTheTier()
    {
        Assert.True(CaseStateMachine.CanTransition(CaseState.Triaged, CaseState.Resolved, CaseTier.Consultation));
        Assert.False(CaseStateMachine.CanTransition(CaseState.Triaged, CaseState.Resolved, CaseTier.General));
        Assert.False(CaseStateMachine.CanTransition(CaseState.Triaged, CaseState.Resolved));
    }

    [Fact]
    public void Check_ReturnsAllOutcomes()
    {
        Assert.True(CaseStateMachine.Check(CaseState.Resolved, CaseState.Closed).IsAllowed);
        Assert.True(CaseStateMachine.Check(CaseState.Closed, CaseState.Closed).IsAlreadyThere);

        var forbidden = CaseStateMachine.Check(CaseState.Reported, CaseState.Closed);
        Assert.True(forbidden.IsForbidden);
        Assert.Equal("A case cannot go from 'reported' to 'closed'; 'closed' can be reached only from 'resolved'.", forbidden.Message);
    }

    private static string Camel(CaseState s) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString());
}
