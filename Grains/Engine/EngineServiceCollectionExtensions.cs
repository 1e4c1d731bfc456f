using Dispatch.Grains.Domain.Calendar;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Engine.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Dispatch.Grains.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the engine's grains need: the city, the deadline policy (the city's policy over
    /// <paramref name="calendar"/>, by default the shipped China calendar) and engine options. The grain classes
    /// themselves are found by Orleans in this assembly. The clock is NodaTime's view of the silo's
    /// <see cref="TimeProvider"/> (the system's unless one is registered first, such as a test's fake). Live events go to
    /// this silo's <see cref="EventBus"/> unless another <see cref="IEventPublisher"/> is registered first.
    /// </summary>
    public static IServiceCollection AddDispatchEngine(this IServiceCollection services, CityModel city,
        WorkingCalendar? calendar = null, EngineOptions? options = null)
    {
        var policy = new DeadlinePolicy(calendar ?? WorkingCalendar.Default, city.DeadlinePolicy);
        services.AddSingleton(city);
        services.AddSingleton(policy);
        services.AddSingleton(new EngineContext(city, policy, options ?? new EngineOptions()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<EventBus>();
        services.TryAddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventBus>());
        return services;
    }
}
