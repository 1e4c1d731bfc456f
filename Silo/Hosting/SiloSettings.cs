using Dispatch.Silo.Open311;
using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.Calendar;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Engine;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Options;
using Dispatch.Silo.Storage;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// The silo's configuration, bound, checked and resolved once at start: the store, the city and calendar (loaded and
/// validated), the token signing key, an external identity provider, rate limits and whether dev tokens are on. <see cref="Load"/> throws
/// <see cref="SiloStartupException"/> with one clear line for anything wrong.
/// </summary>
public sealed class SiloSettings
{
    public required StorageOptions Storage { get; init; }
    public required StoreOptions Store { get; init; }
    public required ClusterSettings Cluster { get; init; }
    public required string CityFile { get; init; }
    public required CityModel City { get; init; }
    public required WorkingCalendar Calendar { get; init; }

    /// <summary>The calendar's file as people know it: the configured path, or the built-in calendar-cn.json.</summary>
    public string CalendarFile { get; init; } = "calendar-cn.json (built in)";
    public required EngineOptions Engine { get; init; }
    public required AuthOptions Auth { get; init; }
    public required RateLimitOptions RateLimit { get; init; }
    public required TokenSigningKey SigningKey { get; init; }
    public required bool DevTokens { get; init; }

    /// <summary>The Open311 clients (Open311:Clients), checked at start; with dev tokens also the dev-open311 key for the whole city.</summary>
    public required Open311Clients Open311 { get; init; }

    /// <summary>Notification channels and delivery (section "Notifications"), checked.</summary>
    public Notifications.NotificationOptions Notifications { get; init; } = new();

    /// <summary>Whether live events cross silos through Orleans streams (<see cref="LiveOptions.Fanout"/>).</summary>
    public required bool CrossSiloLive { get; init; }

    /// <summary>The configuration section of <see cref="EngineOptions"/>.</summary>
    public const string EngineSection = "Engine";

    /// <summary>Reads and checks the configuration; relative paths are under <paramref name="contentRoot"/>.</summary>
    /// <exception cref="SiloStartupException">A setting, the city file, the calendar file or the signing key is wrong.</exception>
    public static SiloSettings Load(IConfiguration configuration, string contentRoot)
    {
        var storage = Bind<StorageOptions>(configuration, StorageOptions.Section);
        var cityOptions = Bind<CityOptions>(configuration, CityOptions.Section);
        var calendarOptions = Bind<CalendarOptions>(configuration, CalendarOptions.Section);
        var auth = Bind<AuthOptions>(configuration, AuthOptions.Section);
        var engine = Bind<EngineOptions>(configuration, EngineSection);
        var cluster = Bind<ClusterSettings>(configuration, ClusterSettings.Section);
        if (string.IsNullOrWhiteSpace(cluster.ServiceId) || string.IsNullOrWhiteSpace(cluster.ClusterId))
            throw new SiloStartupException("Cluster:ServiceId and Cluster:ClusterId must not be empty.");
        if (cluster.SiloPort is < 1 or > 65535 || cluster.GatewayPort is < 1 or > 65535 || cluster.SiloPort == cluster.GatewayPort)
            throw new SiloStartupException($"Cluster:SiloPort ({cluster.SiloPort}) and Cluster:GatewayPort ({cluster.GatewayPort}) must be two different ports from 1 to 65535.");
        if (cluster.ProbeTimeout < TimeSpan.FromMilliseconds(500) || cluster.MissedProbesLimit < 1)
            throw new SiloStartupException($"Cluster:ProbeTimeout ({cluster.ProbeTimeout}) must be at least 0.5 s and Cluster:MissedProbesLimit ({cluster.MissedProbesLimit}) at least 1.");
        if (string.IsNullOrWhiteSpace(cluster.AdvertisedAddress))
            throw new SiloStartupException("Cluster:AdvertisedAddress must not be empty.");
        if (engine.IdleDeactivation < TimeSpan.FromSeconds(2))
            throw new SiloStartupException("Engine:IdleDeactivation must be at least two seconds.");
        if (auth.DevTokenLifetime <= TimeSpan.Zero)
            throw new SiloStartupException("Auth:DevTokenLifetime must be positive.");
        if (auth.Problem() is { } authProblem)
            throw new SiloStartupException(authProblem);
        var rateLimit = Bind<RateLimitOptions>(configuration, RateLimitOptions.Section);
        if (rateLimit.Problem() is { } rateProblem)
            throw new SiloStartupException(rateProblem);

        var notifications = Dispatch.Silo.Notifications.NotificationSettings.Check(
            Bind<Notifications.NotificationOptions>(configuration, Dispatch.Silo.Notifications.NotificationOptions.Section));

        var store = storage.ToStoreOptions(contentRoot);
        try
        {
            store.Validate();
        }
        catch (ArgumentException e)
        {
            throw new SiloStartupException($"Storage: {e.Message}");
        }

        var live = Bind<LiveOptions>(configuration, LiveOptions.Section);
        var crossSiloLive = live.Fanout.Trim().ToLowerInvariant() switch
        {
            "auto" => store.IsPostgres,
            "streams" when store.IsPostgres => true,
            "streams" => throw new SiloStartupException("Live:Fanout=streams needs Storage:Provider=postgres (a SQLite silo is alone)."),
            "local" => false,
            _ => throw new SiloStartupException($"Live:Fanout '{live.Fanout}' is not auto, streams or local."),
        };

        var cityFile = cityOptions.ResolvePath(contentRoot);
        var city = LoadFile("City", cityFile, CityLoader.Load);
        var calendarFile = calendarOptions.ResolvePath(contentRoot);
        var calendar = calendarFile is null ? WorkingCalendar.Default : LoadFile("Calendar", calendarFile, WorkingCalendar.Load);

        var devTokens = auth.DevTokensEnabled(storage);
        var (open311, open311Error) = Open311Clients.From(Bind<Open311Options>(configuration, Open311Options.Section).Clients, city, devTokens);
        if (open311 is null)
            throw new SiloStartupException(open311Error!);

        return new SiloSettings
        {
            Storage = storage,
            Store = store,
            Cluster = cluster,
            CityFile = cityFile,
            City = city,
            Calendar = calendar,
            CalendarFile = calendarFile ?? "calendar-cn.json (built in)",
            Engine = engine,
            Auth = auth,
            RateLimit = rateLimit,
            SigningKey = ResolveSigningKey(auth, storage, contentRoot),
            DevTokens = devTokens,
            Open311 = open311,
            CrossSiloLive = crossSiloLive,
            Notifications = notifications,
        };
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new SiloStartupException($"Configuration section '{section}': {e.Message}", e);
        }
    }

    private static T LoadFile<T>(string what, string path, Func<string, T> load)
    {
        if (!File.Exists(path))
            throw new SiloStartupException($"{what} file not found: {path}");
        try
        {
            return load(path);
        }
        catch (DataFileException e)
        {
            throw new SiloStartupException($"{what} file invalid: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SiloStartupException($"{what} file unreadable: {path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Auth:SigningKey when configured; otherwise, with SQLite, the key kept in signing.key beside the database file
    /// (generated on first start); with PostgreSQL a configured key is required.
    /// </summary>
    private static TokenSigningKey ResolveSigningKey(AuthOptions auth, StorageOptions storage, string contentRoot)
    {
        string? error;
        if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            return TokenSigningKey.FromBase64(auth.SigningKey, "Auth:SigningKey", out error)
                ?? throw new SiloStartupException(error!);
        }
        if (!storage.IsSqlite)
        {
            throw new SiloStartupException(
                "Auth:SigningKey is required with the postgres store: set it to base64 of 32 random bytes (for example `openssl rand -base64 32`) on every silo.");
        }

        var keyFile = Path.Combine(Path.GetDirectoryName(storage.SqliteFile(contentRoot))!, AuthOptions.GeneratedKeyFileName);
        try
        {
            if (!File.Exists(keyFile))
                WriteNewKey(keyFile);
            return TokenSigningKey.FromBase64(File.ReadAllText(keyFile), keyFile, out error)
                ?? throw new SiloStartupException($"{error} Delete the file to generate a new key (issued tokens become invalid).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SiloStartupException($"Signing key file {keyFile}: {e.Message}", e);
        }
    }

    private static void WriteNewKey(string keyFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var temporary = $"{keyFile}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, TokenSigningKey.GenerateBase64());
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temporary, keyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another process wrote it first: use theirs.
            File.Delete(temporary);
        }
    }
}
