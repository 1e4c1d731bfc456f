using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Deadlines;

namespace Dispatch.Grains.Engine;

/// <summary>
/// The read-only configuration grains work with: the city (loaded once at start) and the deadline policy over the
/// working calendar. Immutable, so sharing it between grains shares no state.
/// </summary>
public sealed class EngineContext(CityModel city, DeadlinePolicy deadlines, EngineOptions options)
{
    public CityModel City { get; } = city;
    public DeadlinePolicy Deadlines { get; } = deadlines;
    public EngineOptions Options { get; } = options;
}
