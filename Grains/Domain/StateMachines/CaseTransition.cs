using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>One row of the case transition table.</summary>
/// <param name="From">The state the action is taken in.</param>
/// <param name="Action">The action.</param>
/// <param name="To">The resulting state (equal to <paramref name="From"/> for a repeatable action such as a second whistle).</param>
/// <param name="OnlyForTier">When set, the row applies only to cases of this tier.</param>
public sealed record CaseTransition(CaseState From, CaseAction Action, CaseState To, CaseTier? OnlyForTier = null);
