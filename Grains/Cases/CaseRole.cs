namespace Dispatch.Grains.Cases;

/// <summary>Who, besides an admin, may run a case command: the case's township commissioner, its county's duty leader, or either.</summary>
internal enum CaseRole
{
    Commissioner,
    DutyLeader,
    CommissionerOrDutyLeader,
}
