namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>The acknowledgement and arrival deadlines of a summons for one risk colour.</summary>
/// <param name="Ack">Time allowed to acknowledge (签收), from issue.</param>
/// <param name="Arrive">Time allowed to arrive / report in (报到), from issue.</param>
public sealed record SummonsDeadlineRules(DeadlineRule Ack, DeadlineRule Arrive);
