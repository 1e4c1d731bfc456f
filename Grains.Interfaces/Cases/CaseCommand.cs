using Orleans;
namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>The case commands that carry only a kind, a text and an actor.</summary>
public enum CaseCommandKind
{
    /// <summary>Resolve with an outcome (text required).</summary>
    Resolve,

    /// <summary>Close a resolved case.</summary>
    Close,

    /// <summary>Manual escalation one level up (reason required).</summary>
    Escalate,

    /// <summary>Supervise (督办): push the summoned departments (note required).</summary>
    Supervise,

    /// <summary>A duty leader takes the case (领导包案).</summary>
    Take,

    /// <summary>Reopen a resolved, closed or followed-up case: the resident says it is not fixed (reason required).</summary>
    Reopen,

    /// <summary>Add a note to the case's timeline (text required); any state.</summary>
    Note,
}

/// <summary>Resolve, close, escalate, supervise or take: <see cref="Text"/> is the outcome, reason or note.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseCommand")]
public sealed record CaseCommand(CaseCommandKind Kind, string? Text, string? Note, Actor Actor);
