using Orleans;
using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Duty;

/// <summary>A county duty desk's stored log of leader takes, newest first.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.DutyLog")]
public sealed class DutyLog
{
    public List<LeaderTake> Takes { get; set; } = [];
}
