using Dispatch.Grains.Domain.StateMachines;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Tests.Domain.StateMachines;

public sealed class SummonsStateMachineTests
{
    public static TheoryData<SummonsState, SummonsAction, SummonsState> Allowed => new()
    {
        { SummonsState.Issued, SummonsAction.Acknowledge, SummonsState.Acknowledged },
        { SummonsState.Issued, SummonsAction.Arrive, SummonsState.Arrived },
        { SummonsState.Acknowledged, SummonsAction.Arrive, SummonsState.Arrived },
        { SummonsState.Arrived, SummonsAction.FeedBack, SummonsState.FedBack },
        { SummonsState.Issued, SummonsAction.Decline, SummonsState.Declined },
        { SummonsState.Acknowledged, SummonsAction.Decline, SummonsState.Declined },
        { SummonsState.Issued, SummonsAction.Escalate, SummonsState.Escalated },
        { SummonsState.Acknowledged, SummonsAction.Escalate, SummonsState.Escalated },
        { SummonsState.Arrived, SummonsAction.Escalate, SummonsState.Escalated },
        { SummonsState.Issued, SummonsAction.Cancel, SummonsState.Cancelled },
        { SummonsState.Acknowledged, SummonsAction.Cancel, SummonsState.Cancelled },
        { SummonsState.Arrived, SummonsAction.Cancel, SummonsState.Cancelled },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Apply_AllowedTransition(SummonsState from, SummonsAction action, SummonsState to)
    {
        var result = SummonsStateMachine.Apply(from, action);

        Assert.Equal(TransitionOutcome.Allowed, result.Outcome);
        Assert.Equal(to, result.To);
        Assert.True(SummonsStateMachine.CanTransition(from, to));
    }

    [Fact]
    public void Transitions_ContainExactlyTheAllowedRows() =>
        Assert.Equal(Allowed.Count(), SummonsStateMachine.Transitions.Count);

    [Theory]
    [InlineData(SummonsState.Issued, SummonsAction.FeedBack)]
    [InlineData(SummonsState.Acknowledged, SummonsAction.FeedBack)]
    [InlineData(SummonsState.Arrived, SummonsAction.Acknowledge)]
    [InlineData(SummonsState.Arrived, SummonsAction.Decline)]
    [InlineData(SummonsState.FedBack, SummonsAction.Escalate)]
    [InlineData(SummonsState.FedBack, SummonsAction.Cancel)]
    [InlineData(SummonsState.Declined, SummonsAction.Acknowledge)]
    [InlineData(SummonsState.Escalated, SummonsAction.Arrive)]
    [InlineData(SummonsState.Cancelled, SummonsAction.Acknowledge)]
    [InlineData(SummonsState.Cancelled, SummonsAction.Escalate)]
    public void Apply_Forbidden_MessageNamesBothStates(SummonsState from, SummonsAction action)
    {
        var result = SummonsStateMachine.Apply(from, action);

        Assert.Equal(TransitionOutcome.Forbidden, result.Outcome);
        Assert.Contains($"'{Camel(from)}'", result.Message);
        Assert.Contains($"'{Camel(SummonsStateMachine.TargetOf(action))}'", result.Message);
    }

    [Theory]
    [InlineData(SummonsState.Acknowledged, SummonsAction.Acknowledge)]
    [InlineData(SummonsState.Arrived, SummonsAction.Arrive)]
    [InlineData(SummonsState.FedBack, SummonsAction.FeedBack)]
    [InlineData(SummonsState.Declined, SummonsAction.Decline)]
    [InlineData(SummonsState.Escalated, SummonsAction.Escalate)]
    [InlineData(SummonsState.Cancelled, SummonsAction.Cancel)]
    public void Apply_Repeat_IsAlreadyThere(SummonsState state, SummonsAction action) =>
        Assert.Equal(TransitionOutcome.AlreadyThere, SummonsStateMachine.Apply(state, action).Outcome);

    [Fact]
    public void Check_Forbidden_ExplainsSources() =>
        Assert.Equal(
            "A summons cannot go from 'issued' to 'fedBack'; 'fedBack' can be reached only from 'arrived'.",
            SummonsStateMachine.Check(SummonsState.Issued, SummonsState.FedBack).Message);

    [Theory]
    [InlineData(SummonsState.Issued, true)]
    [InlineData(SummonsState.Acknowledged, true)]
    [InlineData(SummonsState.Arrived, true)]
    [InlineData(SummonsState.FedBack, false)]
    [InlineData(SummonsState.Declined, false)]
    [InlineData(SummonsState.Escalated, false)]
    [InlineData(SummonsState.Cancelled, false)]
    public void IsOpen_MatchesApiDefinition(SummonsState state, bool open)
    {
        Assert.Equal(open, SummonsStateMachine.IsOpen(state));
        Assert.Equal(!open, SummonsStateMachine.IsTerminal(state));
        Assert.Equal(open, SummonsStateMachine.Transitions.Any(t => t.From == state));
    }

    private static string Camel(SummonsState s) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString());
}
