namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>How a command ended. Expected business outcomes are values, not exceptions.</summary>
public enum Outcome
{
    /// <summary>Done and stored.</summary>
    Ok,

    /// <summary>Already so: a repeat of a transition that happened (idempotent, nothing changed).</summary>
    Unchanged,

    /// <summary>The case or summons does not exist.</summary>
    NotFound,

    /// <summary>The actor may not do this to this case or summons.</summary>
    Forbidden,

    /// <summary>The state does not allow it.</summary>
    Conflict,

    /// <summary>The command itself is wrong (a field error).</summary>
    Invalid,
}
