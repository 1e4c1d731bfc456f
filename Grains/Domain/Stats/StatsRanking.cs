using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// The evaluation order (考核排名), best first: on-time acknowledgement rate, then completion rate, then mean
/// satisfaction — each higher first and no data (null) after any value — then scope id (ordinal) so that full ties
/// have one stable order. Responsiveness leads because it is what the whistle asks of a department (签收、报到);
/// completion and satisfaction follow the closed loop's order.
/// </summary>
public sealed class StatsRanking : IComparer<StatsView>
{
    /// <summary>The one instance.</summary>
    public static StatsRanking Instance { get; } = new();

    private StatsRanking()
    {
    }

    /// <summary><paramref name="rows"/> sorted best first.</summary>
    public static IReadOnlyList<StatsView> Order(IEnumerable<StatsView> rows)
    {
        var list = rows.ToList();
        list.Sort(Instance);
        return list;
    }

    public int Compare(StatsView? x, StatsView? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return 1;
        if (y is null) return -1;
        var c = HigherFirst(x.OnTimeAckRate, y.OnTimeAckRate);
        if (c == 0) c = HigherFirst(x.CompletionRate, y.CompletionRate);
        if (c == 0) c = HigherFirst(x.MeanSatisfaction, y.MeanSatisfaction);
        return c != 0 ? c : string.CompareOrdinal(x.Scope, y.Scope);
    }

    private static int HigherFirst(double? x, double? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } a, { } b) => b.CompareTo(a),
    };
}
