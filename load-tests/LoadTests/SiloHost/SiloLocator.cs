using System.Diagnostics;

namespace Dispatch.LoadTests.SiloHost;

/// <summary>
/// Finds the silo to start: an explicit Dispatch.Silo.dll, else the newest build under the repository's
/// Silo/bin/{Release,Debug}/net10.0/, else builds Silo/Silo.csproj in Release first.
/// </summary>
public static class SiloLocator
{
    public const string DllName = "Dispatch.Silo.dll";

    /// <summary>The directory holding Dispatch.sln, searched upwards from <paramref name="from"/> (default: this program and the working directory).</summary>
    public static string? RepositoryRoot(string? from = null)
    {
        foreach (var start in from is null ? [AppContext.BaseDirectory, Directory.GetCurrentDirectory()] : new[] { from })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln"))) return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>The newest built silo under the repository, or null.</summary>
    public static string? FindBuilt(string root) =>
        new[] { "Release", "Debug" }
            .Select(c => Path.Combine(root, "Silo", "bin", c, "net10.0", DllName))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();

    public static async Task<string> LocateAsync(string? explicitDll, Action<string> log, CancellationToken cancellationToken)
    {
        if (explicitDll is not null) return explicitDll;
        var root = RepositoryRoot()
            ?? throw new Surge.SurgeSetupException($"Cannot find the repository (Dispatch.sln) to start the silo from; pass --silo-dll path/to/{DllName}.");
        if (FindBuilt(root) is { } built) return built;

        log($"No built silo under {root}/Silo/bin; building it (dotnet build Silo/Silo.csproj -c Release) ...");
        var info = new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "Silo", "Silo.csproj"), "-c", "Release", "-nologo", "-v", "q"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = Process.Start(info) ?? throw new Surge.SurgeSetupException("dotnet build did not start.");
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = build.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        try
        {
            await build.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            throw new Surge.SurgeSetupException("Building the silo took over 10 minutes; build it yourself and pass --silo-dll.");
        }
        if (build.ExitCode != 0)
            throw new Surge.SurgeSetupException($"Building the silo failed:\n{await output}\n{await errors}");
        return FindBuilt(root) ?? throw new Surge.SurgeSetupException($"The build succeeded but {DllName} is not under Silo/bin/Release/net10.0.");
    }
}
