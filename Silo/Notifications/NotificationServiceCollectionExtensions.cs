using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Notifications;
using Dispatch.Silo.Storage;
using Polly;

namespace Dispatch.Silo.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Notifications on <paramref name="store"/>: the queue the case grains enqueue into, the channels (webhook, SMS
    /// gateway, e-mail) and the dispatcher that delivers, with the HTTP client's timeout from the options. The caller runs
    /// the dispatcher as a hosted service once the schema is in (see DispatchSiloExtensions).
    /// </summary>
    public static IServiceCollection AddDispatchNotifications(this IServiceCollection services, StoreOptions store, CityModel city, NotificationOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new NotificationRouting(city, options));
        services.AddSingleton(sp => new SqlNotificationStore(store, city, sp.GetRequiredService<NotificationRouting>()));
        services.AddSingleton<INotificationQueue>(sp => sp.GetRequiredService<SqlNotificationStore>());
        services.AddHttpClient(NotificationDispatcher.HttpClientName)
            .AddResilienceHandler("notifications", pipeline => pipeline.AddTimeout(options.HttpTimeout));
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, SmsGatewayChannel>();
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton(sp => new NotificationDispatcher(sp.GetRequiredService<SqlNotificationStore>(), sp.GetServices<INotificationChannel>(),
            options, sp.GetRequiredService<TimeProvider>(), store.IsSqlite, sp.GetRequiredService<ILogger<NotificationDispatcher>>()));
        return services;
    }
}
