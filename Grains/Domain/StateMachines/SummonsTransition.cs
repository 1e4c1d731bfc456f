using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>One row of the summons transition table.</summary>
/// <param name="From">The state the action is taken in.</param>
/// <param name="Action">The action.</param>
/// <param name="To">The resulting state.</param>
public sealed record SummonsTransition(SummonsState From, SummonsAction Action, SummonsState To);
