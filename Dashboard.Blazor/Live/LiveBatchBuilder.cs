using Dispatch.Grains.Interfaces.Events;

namespace Dispatch.Dashboard.Live;

/// <summary>
/// Coalesces live events between two sends: keeps the newest version of each case and each summons, and every
/// escalation. Not thread-safe: one pusher owns it.
/// </summary>
public sealed class LiveBatchBuilder
{
    private readonly Dictionary<string, CaseChanged> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SummonsChanged> _summonses = new(StringComparer.Ordinal);
    private readonly List<EscalationRaised> _escalations = [];

    /// <summary>How many events were added since the last <see cref="Build"/>, before coalescing.</summary>
    public int Added { get; private set; }

    public bool IsEmpty => Added == 0;

    /// <summary>Adds a live event; returns false (and keeps nothing) for any other event.</summary>
    public bool Add(object domainEvent)
    {
        switch (domainEvent)
        {
            case CaseChanged e:
                if (!_cases.TryGetValue(e.Case.Id, out var held) || held.Case.Version <= e.Case.Version)
                    _cases[e.Case.Id] = e;
                break;
            case SummonsChanged e:
                if (!_summonses.TryGetValue(e.Summons.Id, out var kept) || kept.Summons.Version <= e.Summons.Version)
                    _summonses[e.Summons.Id] = e;
                break;
            case EscalationRaised e:
                _escalations.Add(e);
                break;
            default:
                return false;
        }
        Added++;
        return true;
    }

    /// <summary>The batch so far; the builder starts empty again.</summary>
    public LiveBatch Build()
    {
        var batch = new LiveBatch([.. _cases.Values], [.. _summonses.Values], [.. _escalations]);
        _cases.Clear();
        _summonses.Clear();
        _escalations.Clear();
        Added = 0;
        return batch;
    }
}
