namespace Dispatch.Silo.Auth;

/// <summary>Whether a principal may watch or read a scope.</summary>
public enum ScopeAccess
{
    /// <summary>Yes.</summary>
    Allowed,

    /// <summary>The scope exists, but the principal may not see it (403).</summary>
    Forbidden,

    /// <summary>No center, department or case has this id (404).</summary>
    Unknown,
}
