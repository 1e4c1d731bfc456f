using Dispatch.Grains.Domain.Json;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>
/// The summons life cycle as data (<see cref="Transitions"/>) with pure queries.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>issued → acknowledged → arrived → fedBack. Arriving while still issued is allowed and implies the
/// acknowledgement (a department that turns up has plainly received the summons).</item>
/// <item>issued or acknowledged → declined.</item>
/// <item>issued, acknowledged or arrived → escalated (a deadline passed).</item>
/// <item>issued, acknowledged or arrived (open) → cancelled (the case was resolved or closed).</item>
/// <item>fedBack, declined, escalated and cancelled are terminal. Feedback that is not final (done = false)
/// is a note, not a transition.</item>
/// </list>
/// </remarks>
public static class SummonsStateMachine
{
    /// <summary>Every allowed transition.</summary>
    public static IReadOnlyList<SummonsTransition> Transitions { get; } =
    [
        new(SummonsState.Issued, SummonsAction.Acknowledge, SummonsState.Acknowledged),
        new(SummonsState.Issued, SummonsAction.Arrive, SummonsState.Arrived),
        new(SummonsState.Acknowledged, SummonsAction.Arrive, SummonsState.Arrived),
        new(SummonsState.Arrived, SummonsAction.FeedBack, SummonsState.FedBack),
        new(SummonsState.Issued, SummonsAction.Decline, SummonsState.Declined),
        new(SummonsState.Acknowledged, SummonsAction.Decline, SummonsState.Declined),
        new(SummonsState.Issued, SummonsAction.Escalate, SummonsState.Escalated),
        new(SummonsState.Acknowledged, SummonsAction.Escalate, SummonsState.Escalated),
        new(SummonsState.Arrived, SummonsAction.Escalate, SummonsState.Escalated),
        new(SummonsState.Issued, SummonsAction.Cancel, SummonsState.Cancelled),
        new(SummonsState.Acknowledged, SummonsAction.Cancel, SummonsState.Cancelled),
        new(SummonsState.Arrived, SummonsAction.Cancel, SummonsState.Cancelled),
    ];

    /// <summary>The open states (the API's <c>state=open</c>): issued, acknowledged, arrived.</summary>
    public static IReadOnlyList<SummonsState> OpenStates { get; } =
        [SummonsState.Issued, SummonsState.Acknowledged, SummonsState.Arrived];

    /// <summary>True for issued, acknowledged and arrived.</summary>
    public static bool IsOpen(SummonsState state) =>
        state is SummonsState.Issued or SummonsState.Acknowledged or SummonsState.Arrived;

    /// <summary>True for fedBack, declined, escalated and cancelled: no transition leaves them.</summary>
    public static bool IsTerminal(SummonsState state) => !IsOpen(state);

    /// <summary>The state an action leads to.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is undefined.</exception>
    public static SummonsState TargetOf(SummonsAction action) => action switch
    {
        SummonsAction.Acknowledge => SummonsState.Acknowledged,
        SummonsAction.Arrive => SummonsState.Arrived,
        SummonsAction.FeedBack => SummonsState.FedBack,
        SummonsAction.Decline => SummonsState.Declined,
        SummonsAction.Escalate => SummonsState.Escalated,
        SummonsAction.Cancel => SummonsState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown summons action."),
    };

    /// <summary>True if a row leads from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanTransition(SummonsState from, SummonsState to) =>
        Transitions.Any(t => t.From == from && t.To == to);

    /// <summary>
    /// Checks a move between states: AlreadyThere when equal, Allowed when <see cref="CanTransition"/>,
    /// Forbidden otherwise with a message naming both states.
    /// </summary>
    public static TransitionResult<SummonsState> Check(SummonsState from, SummonsState to)
    {
        if (from == to)
        {
            return new(TransitionOutcome.AlreadyThere, from, to, $"The summons is already '{Name(to)}'.");
        }

        return CanTransition(from, to)
            ? new(TransitionOutcome.Allowed, from, to, null)
            : new(TransitionOutcome.Forbidden, from, to, $"A summons cannot go from '{Name(from)}' to '{Name(to)}'; {Sources(to)}");
    }

    /// <summary>
    /// Applies an action: Allowed when a row matches; AlreadyThere when the summons is already in the
    /// action's target state (a repeated acknowledgement); Forbidden otherwise, naming the current and target state.
    /// </summary>
    public static TransitionResult<SummonsState> Apply(SummonsState from, SummonsAction action)
    {
        var target = TargetOf(action);
        if (Transitions.Any(t => t.From == from && t.Action == action))
        {
            return new(TransitionOutcome.Allowed, from, target, null);
        }

        if (from == target)
        {
            return new(TransitionOutcome.AlreadyThere, from, target, $"The summons is already '{Name(target)}'.");
        }

        return new(TransitionOutcome.Forbidden, from, target,
            $"Cannot move a summons that is '{Name(from)}' to '{Name(target)}': {Sources(target)}");
    }

    private static string Sources(SummonsState to)
    {
        var sources = Transitions.Where(t => t.To == to).Select(t => $"'{Name(t.From)}'").Distinct().ToList();
        return sources.Count == 0
            ? $"'{Name(to)}' is the initial state."
            : $"'{Name(to)}' can be reached only from {string.Join(" or ", sources)}.";
    }

    private static string Name(SummonsState state) => CamelCaseEnum<SummonsState>.Name(state);
}
