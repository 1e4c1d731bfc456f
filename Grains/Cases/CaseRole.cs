namespace Dispatch.Grains.Cases;

/// <summary>Who, besides an admin, may run a case command: the case's township commissioner or its county's duty leader (API.md's role table).</summary>
internal enum CaseRole
{
    Commissioner,
    DutyLeader,
}
