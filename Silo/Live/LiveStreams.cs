using Dispatch.Grains.Interfaces.Events;
using Orleans.Runtime;

namespace Dispatch.Silo.Live;

/// <summary>
/// The Orleans streams live events cross silos on: provider <see cref="Provider"/> (in-memory streams), namespace
/// <see cref="Namespace"/>, <see cref="Partitions"/> streams keyed 0..n-1. Every event of one case goes through the same
/// stream, so its events keep their order.
/// </summary>
public static class LiveStreams
{
    /// <summary>The stream provider's name.</summary>
    public const string Provider = "live";

    /// <summary>The streams' namespace.</summary>
    public const string Namespace = "dispatch.live";

    /// <summary>How many streams (and in-memory queues) carry the events.</summary>
    public const int Partitions = 4;

    /// <summary>The stream of partition <paramref name="partition"/>.</summary>
    public static StreamId Stream(int partition) => StreamId.Create(Namespace, partition);

    /// <summary>The partition of an event: by its case id, with a hash that is the same in every process.</summary>
    public static int PartitionOf(object domainEvent)
    {
        var caseId = domainEvent switch
        {
            CaseChanged e => e.Case.Id,
            SummonsChanged e => e.Summons.CaseId,
            EscalationRaised e => e.Escalation.CaseId,
            _ => "",
        };
        var hash = 2166136261u;
        foreach (var c in caseId)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % Partitions);
    }
}
