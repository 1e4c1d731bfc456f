using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces.Serialization;
using Orleans;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Application;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Cases;
using Dispatch.Silo.Cluster;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Live;
using Dispatch.Silo.OpenApi;
using Dispatch.Silo.Options;
using Microsoft.AspNetCore.Authentication;
using Dispatch.Silo.ReadModels;
using Dispatch.Silo.Notifications;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;

namespace Dispatch.Silo.Extensions;

public static class DispatchSiloExtensions
{
    /// <summary>
    /// Everything the silo hosts: settings (checked now: see <see cref="SiloSettings.Load"/>), the city and calendar, the
    /// store and the actor runtime, bearer-token authentication and role policies, problem+json errors, the OpenAPI
    /// document and telemetry. An <see cref="IClock"/> registered before this call replaces the system clock.
    /// </summary>
    /// <exception cref="SiloStartupException">The configuration, city file, calendar file or signing key is wrong.</exception>
    public static WebApplicationBuilder AddDispatchSilo(this WebApplicationBuilder builder)
    {
        var settings = SiloSettings.Load(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        // A failed start is reported by Program in one line (StartupFailure), not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        services.AddSingleton(settings);
        services.AddSingleton(settings.Open311);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddOptions<CityOptions>().BindConfiguration(CityOptions.Section);
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero, "Live:HeartbeatInterval must be positive.")
            .Validate(o => o.SubscriberCapacity > 0, "Live:SubscriberCapacity must be positive.")
            .Validate(o => o.ReplayCapacity > 0, "Live:ReplayCapacity must be positive.")
            .Validate(o => o.PushInterval > TimeSpan.Zero, "Live:PushInterval must be positive.")
            .Validate(o => o.SendTimeout > TimeSpan.Zero, "Live:SendTimeout must be positive.")
            .ValidateOnStart();
        services.AddOptions<RetryOptions>().BindConfiguration(RetryOptions.Section)
            .Validate(o => o.RequestBudget > TimeSpan.Zero && o.FirstDelay > TimeSpan.Zero && o.MaxDelay >= o.FirstDelay,
                "Retry:RequestBudget and Retry:FirstDelay must be positive, Retry:MaxDelay at least Retry:FirstDelay.")
            .Validate(o => o.RetryAfter >= TimeSpan.FromSeconds(1), "Retry:RetryAfter must be at least one second.")
            .ValidateOnStart();
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => o.SweepInterval >= TimeSpan.Zero, "Deadlines:SweepInterval must not be negative.")
            .Validate(o => o.SweepBatch > 0, "Deadlines:SweepBatch must be positive.")
            .Validate(o => o.SweepParallelism > 0, "Deadlines:SweepParallelism must be positive.")
            .Validate(o => o.RecoveryWindow >= TimeSpan.Zero, "Deadlines:RecoveryWindow must not be negative.")
            .ValidateOnStart();

        // The engine: its grains (found by Orleans in the Grains assembly), the city and deadline policy they run on.
        services.AddDispatchEngine(settings.City, settings.Calendar, settings.Engine);
        services.AddDispatchReadModels(settings.Store);
        services.AddDispatchNotifications(settings.Store, settings.City, settings.Notifications);
        // The schema goes in first (a hosted service registered before Orleans'), so an unreachable store fails the start
        // with one clear line before Orleans begins.
        if (settings.Store.IsSqlite)
            services.AddHostedService(_ => new SqliteSiloLock(settings.Store));
        services.AddHostedService(sp => new SchemaStarter(settings.Store, sp.GetRequiredService<ILogger<SchemaStarter>>()));
        // The dashboard's 24-hour activity is rebuilt from the store before Orleans runs a grain (when the dashboard is hosted).
        services.AddHostedService(sp => new DashboardHost.ActivityHistorySeeder(sp.GetRequiredService<Grains.ReadModels.IReadModelReader>(),
            sp.GetService<Dispatch.Dashboard.Live.ActivityHistory>(), settings.City, sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<ILogger<DashboardHost.ActivityHistorySeeder>>()));
        builder.UseOrleans(silo => silo.AddDispatchOrleans(settings));
        services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => DispatchJson.Configure(o.JsonSerializerOptions));
        services.AddSingleton(new DueReminders(settings.Store));
        services.AddSingleton(new RecentStates(settings.Store));
        services.AddSingleton<SiloReadiness>();
        services.AddSingleton<DeadlineSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweeper>());
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddSingleton<Metrics.MetricsCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<Metrics.MetricsCollector>());
        services.AddHostedService<ReportScheduleStarter>();

        // The HTTP side.
        services.AddSingleton<CaseIdAllocator>();
        services.AddSingleton<ScopeAuthorizer>();
        services.AddSingleton<DispatchOperations>();
        services.AddSingleton<CalendarYears>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarYears>());
        services.AddOptions<RepeatOptions>().BindConfiguration(RepeatOptions.Section)
            .Validate(o => o.Window >= TimeSpan.Zero && o.Candidates > 0, "Repeats:Window must not be negative, Repeats:Candidates must be positive.")
            .ValidateOnStart();
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.MaxBytes > 0, "Attachments:MaxBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<Attachments.IAttachmentStore>(settings.Store.IsSqlite
            ? Attachments.FileAttachmentStore.Beside(settings.Store.SqliteFilePath!)
            : new Attachments.PostgresAttachmentStore(settings.Store));
        services.AddSingleton<AttachmentOperations>();
        services.AddHttpContextAccessor();
        services.AddSingleton<EngineRetry>();
        services.AddSingleton(sp => new TokenService(settings.SigningKey, sp.GetRequiredService<IClock>()));
        services.ConfigureHttpJsonOptions(o =>
        {
            DispatchJson.Configure(o.SerializerOptions);
            // Numbers are numbers: bodies are read strictly (JsonBodyReader), and the OpenAPI document is made from these
            // options, so the web default (numbers also read from strings) would type every integer ["integer","string"].
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                problem.Type = ProblemTypes.ForStatus(status);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddDispatchRequestLimits();
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Bearer token, or the dashboard's sign-in", o =>
                o.ForwardDefaultSelector = context => SelectScheme(context, settings.Auth.HasAuthority))
            .AddDispatchBearer(settings.Auth);
        services.AddDispatchRateLimits(settings.RateLimit);
        services.AddAuthorizationBuilder().AddDispatchPolicies();
        services.AddDispatchOpenApi();
        builder.AddDispatchTelemetry();
        return builder;
    }

    /// <summary>
    /// A bearer scheme (<see cref="BearerAuthentication.SchemeFor"/>: the silo's own or the external provider's) when the
    /// request carries a token (the Authorization header, or <c>?access_token=</c> on the live hub and the SSE stream) and
    /// for every /api call; otherwise the interactive scheme when one is registered (the dashboard's cookie adds it as
    /// <see cref="InteractiveScheme"/>), else Bearer, whose challenge is a 401 problem.
    /// </summary>
    private static string SelectScheme(HttpContext context, bool hasAuthority)
    {
        if (context.Request.Headers.Authorization.Count > 0 || AuthSchemes.QueryToken(context.Request) is not null
            || context.Request.Path.StartsWithSegments("/api"))
            return BearerAuthentication.SchemeFor(context.Request, hasAuthority);
        var options = context.RequestServices.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        return options.SchemeMap.ContainsKey(InteractiveScheme) ? InteractiveScheme : AuthSchemes.Bearer;
    }

    /// <summary>
    /// The Orleans silo: cluster identity and ports, membership (one silo on SQLite, the ADO.NET membership table on PostgreSQL), grain
    /// state and reminders through Orleans' ADO.NET providers on the configured store with our own schema (applied at
    /// start), state as System.Text.Json with the product's NodaTime conventions, and grain-call trace propagation.
    /// </summary>
    public static ISiloBuilder AddDispatchOrleans(this ISiloBuilder silo, SiloSettings settings)
    {
        silo.AddDispatchClustering(settings.Cluster, settings.Store);
        silo.AddDispatchStorage(settings.Store, applySchema: false);
        if (settings.CrossSiloLive)
            silo.AddDispatchLiveStreams(settings.Store);
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddDashboard();
        silo.AddActivityPropagation();
        // A grain whose store call failed throws Npgsql's exception; it must cross to the calling silo as itself (a
        // DbException: "try again", 503), not turn into "no codec for Npgsql.NpgsqlException" (500).
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        silo.AddIncomingGrainCallFilter<Dispatch.Grains.Engine.GrainCallTiming>();
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = settings.Engine.IdleDeactivation;
            // Orleans looks for idle activations every quantum; it must be shorter than the age.
            o.CollectionQuantum = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, settings.Engine.IdleDeactivation.Ticks / 2));
        });
        return silo;
    }

    /// <summary>The scheme name the dashboard's cookie sign-in registers under, if it is added.</summary>
    public const string InteractiveScheme = "Cookies";
}
