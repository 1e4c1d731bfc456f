namespace Dispatch.Silo.Auth;

/// <summary>The claim types a Dispatch principal carries (and the silo's own tokens carry).</summary>
public static class DispatchClaims
{
    /// <summary>commissioner, department, dutyLeader or admin.</summary>
    public const string Role = "role";

    /// <summary>A township center id (commissioner), department id (department) or county center id (dutyLeader); absent for admin.</summary>
    public const string Scope = "scope";

    /// <summary>A display name, recorded in case timelines.</summary>
    public const string Name = "name";

    /// <summary>
    /// <c>issuer|sub</c> of an external provider's token: who the principal is, for rate limits. Absent for the silo's
    /// own tokens (they name a role, scope and name only).
    /// </summary>
    public const string Subject = "dispatch_subject";
}
