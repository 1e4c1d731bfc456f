using System.Globalization;
using Dispatch.Silo.Hosting;
using NodaTime;

namespace Dispatch.Silo.Auth;

/// <summary>
/// <c>issue-token --role R [--scope S] [--name N] [--days D]</c>: prints a token signed with the configured key (the
/// same configuration as the silo: appsettings.json, environment, --Section:Key=value arguments) and exits.
/// </summary>
public static class IssueTokenCommand
{
    public const string Verb = "issue-token";
    public const int DefaultDays = 30;
    public const int MaxDays = 3660;

    private const string Usage = "usage: issue-token --role commissioner|department|dutyLeader|admin [--scope ID] [--name NAME] [--days N]";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Runs the command; returns the process exit code (0 issued, 2 bad arguments or settings).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? role = null, scope = null, name = null;
        var days = DefaultDays;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--role": role = Value(); break;
                case "--scope": scope = Value(); break;
                case "--name": name = Value(); break;
                case "--days":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > MaxDays)
                        return Fail(error, $"--days must be 1 to {MaxDays}.");
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                default: rest.Add(args[i]); break;
            }
        }
        if (role is null)
            return Fail(error, Usage);

        SiloSettings settings;
        try
        {
            var builder = WebApplication.CreateBuilder([.. rest]);
            settings = SiloSettings.Load(builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (SiloStartupException e)
        {
            return Fail(error, e.Message);
        }
        if (PrincipalRules.Check(settings.City, role, scope) is { } problem)
            return Fail(error, $"--{problem.Field}: {problem.Message}");

        var tokens = new TokenService(settings.SigningKey, SystemClock.Instance);
        output.WriteLine(tokens.Issue(role, scope, name ?? PrincipalRules.DefaultName(settings.City, role, scope), Duration.FromDays(days)));
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
