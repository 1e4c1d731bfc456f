using Dispatch.Grains.Domain.Calendar;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the engine's grains need: the city, the deadline policy (the city's policy over
    /// <paramref name="calendar"/>, by default the shipped China calendar) and engine options. The grain classes
    /// themselves are hosted by AddDispatchRuntime(typeof(EngineContext).Assembly).
    /// </summary>
    public static IServiceCollection AddDispatchEngine(this IServiceCollection services, CityModel city,
        WorkingCalendar? calendar = null, EngineOptions? options = null)
    {
        var policy = new DeadlinePolicy(calendar ?? WorkingCalendar.Default, city.DeadlinePolicy);
        services.AddSingleton(city);
        services.AddSingleton(policy);
        services.AddSingleton(new EngineContext(city, policy, options ?? new EngineOptions()));
        return services;
    }
}
