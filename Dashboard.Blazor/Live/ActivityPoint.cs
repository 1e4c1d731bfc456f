using NodaTime;

namespace Dispatch.Dashboard.Live;

/// <summary>The activity of one hour [<see cref="From"/>, From + 1 h).</summary>
public sealed record ActivityPoint(Instant From, ActivityCounts Counts);
