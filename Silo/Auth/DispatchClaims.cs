namespace Dispatch.Silo.Auth;

/// <summary>The claim types a Dispatch principal carries.</summary>
public static class DispatchClaims
{
    /// <summary>commissioner, department, dutyLeader or admin.</summary>
    public const string Role = "role";

    /// <summary>A township center id (commissioner), department id (department) or county center id (dutyLeader); absent for admin.</summary>
    public const string Scope = "scope";

    /// <summary>A display name, recorded in case timelines.</summary>
    public const string Name = "name";
}
