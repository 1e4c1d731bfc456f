using Dispatch.Grains.Domain.Json;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>
/// The case life cycle as data (<see cref="Transitions"/>) with pure queries.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>reported → triaged; reported or triaged → whistled (a whistle triages implicitly).</item>
/// <item>whistled → whistled and inProgress → inProgress on a second whistle (it adds departments).</item>
/// <item>whistled → inProgress when the first department starts work.</item>
/// <item>whistled or inProgress → resolved; triaged → resolved only for a consultation (answered on the spot).</item>
/// <item>resolved → closed: close requires resolution.</item>
/// <item>Follow-up: allowed once resolved. From resolved it records satisfaction and the state stays
/// resolved (the case still has to be closed); from closed it records satisfaction and the state becomes
/// followedUp. So followedUp always means "closed and followed up", and the API's "after resolve, a
/// follow-up records satisfaction" holds in both orders. A follow-up in followedUp is AlreadyThere.</item>
/// </list>
/// </remarks>
public static class CaseStateMachine
{
    /// <summary>Every allowed transition.</summary>
    public static IReadOnlyList<CaseTransition> Transitions { get; } =
    [
        new(CaseState.Reported, CaseAction.Triage, CaseState.Triaged),
        new(CaseState.Reported, CaseAction.Whistle, CaseState.Whistled),
        new(CaseState.Triaged, CaseAction.Whistle, CaseState.Whistled),
        new(CaseState.Whistled, CaseAction.Whistle, CaseState.Whistled),
        new(CaseState.InProgress, CaseAction.Whistle, CaseState.InProgress),
        new(CaseState.Whistled, CaseAction.StartWork, CaseState.InProgress),
        new(CaseState.Triaged, CaseAction.Resolve, CaseState.Resolved, CaseTier.Consultation),
        new(CaseState.Whistled, CaseAction.Resolve, CaseState.Resolved),
        new(CaseState.InProgress, CaseAction.Resolve, CaseState.Resolved),
        new(CaseState.Resolved, CaseAction.Close, CaseState.Closed),
        new(CaseState.Resolved, CaseAction.FollowUp, CaseState.Resolved),
        new(CaseState.Closed, CaseAction.FollowUp, CaseState.FollowedUp),
        new(CaseState.Resolved, CaseAction.Reopen, CaseState.Triaged),
        new(CaseState.Closed, CaseAction.Reopen, CaseState.Triaged),
        new(CaseState.FollowedUp, CaseAction.Reopen, CaseState.Triaged),
    ];

    /// <summary>The state an action leads to in the normal course (its nominal target).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is undefined.</exception>
    public static CaseState TargetOf(CaseAction action) => action switch
    {
        CaseAction.Triage => CaseState.Triaged,
        CaseAction.Whistle => CaseState.Whistled,
        CaseAction.StartWork => CaseState.InProgress,
        CaseAction.Resolve => CaseState.Resolved,
        CaseAction.Close => CaseState.Closed,
        CaseAction.FollowUp => CaseState.FollowedUp,
        CaseAction.Reopen => CaseState.Triaged,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown case action."),
    };

    /// <summary>
    /// True if some row leads from <paramref name="from"/> to <paramref name="to"/> (self-transitions of
    /// repeatable actions included). A tier-restricted row counts only when <paramref name="tier"/> equals its tier.
    /// </summary>
    public static bool CanTransition(CaseState from, CaseState to, CaseTier? tier = null) =>
        Transitions.Any(t => t.From == from && t.To == to && Applies(t, tier));

    /// <summary>
    /// Checks a move between states: AlreadyThere when <paramref name="from"/> equals <paramref name="to"/>,
    /// Allowed when <see cref="CanTransition"/>, Forbidden otherwise with a message naming both states.
    /// </summary>
    public static TransitionResult<CaseState> Check(CaseState from, CaseState to, CaseTier? tier = null)
    {
        if (from == to)
        {
            return new(TransitionOutcome.AlreadyThere, from, to, $"The case is already '{Name(to)}'.");
        }

        if (CanTransition(from, to, tier))
        {
            return new(TransitionOutcome.Allowed, from, to, null);
        }

        return new(TransitionOutcome.Forbidden, from, to, $"A case cannot go from '{Name(from)}' to '{Name(to)}'; {Sources(to)}");
    }

    /// <summary>
    /// Applies an action: Allowed with the resulting state when a row matches (for a tier-restricted row,
    /// <paramref name="tier"/> must match); AlreadyThere when the case is already in the action's target
    /// state and no row applies (e.g. closing a closed case); Forbidden otherwise, with a message naming
    /// the current and the target state.
    /// </summary>
    public static TransitionResult<CaseState> Apply(CaseState from, CaseAction action, CaseTier? tier = null)
    {
        var target = TargetOf(action);
        var row = Transitions.FirstOrDefault(t => t.From == from && t.Action == action && Applies(t, tier));
        if (row is not null)
        {
            return new(TransitionOutcome.Allowed, from, row.To, null);
        }

        if (from == target)
        {
            return new(TransitionOutcome.AlreadyThere, from, target, $"The case is already '{Name(target)}'.");
        }

        var restricted = Transitions.FirstOrDefault(t => t.From == from && t.Action == action && t.OnlyForTier is not null);
        var why = restricted is not null
            ? $"only a {Name(restricted.OnlyForTier!.Value)} case can go from '{Name(from)}' to '{Name(restricted.To)}'."
            : $"{Verb(action)} is allowed only when the case is {Froms(action)}.";
        return new(TransitionOutcome.Forbidden, from, target,
            $"Cannot {Verb(action)} a case that is '{Name(from)}' (target '{Name(target)}'): {why}");
    }

    private static bool Applies(CaseTransition t, CaseTier? tier) => t.OnlyForTier is null || t.OnlyForTier == tier;

    private static string Sources(CaseState to)
    {
        var sources = Transitions.Where(t => t.To == to && t.From != to).Select(t => Name(t.From)).Distinct().ToList();
        return sources.Count == 0
            ? $"'{Name(to)}' is the initial state."
            : $"'{Name(to)}' can be reached only from {Quote(sources)}.";
    }

    private static string Froms(CaseAction action) =>
        Quote(Transitions.Where(t => t.Action == action).Select(t => Name(t.From)).Distinct());

    private static string Quote(IEnumerable<string> names) => string.Join(" or ", names.Select(n => $"'{n}'"));

    private static string Verb(CaseAction action) => action switch
    {
        CaseAction.Triage => "triage",
        CaseAction.Whistle => "whistle",
        CaseAction.StartWork => "start work on",
        CaseAction.Resolve => "resolve",
        CaseAction.Close => "close",
        CaseAction.Reopen => "reopen",
        _ => "follow up",
    };

    private static string Name(CaseState state) => CamelCaseEnum<CaseState>.Name(state);

    private static string Name(CaseTier tier) => CamelCaseEnum<CaseTier>.Name(tier);
}
