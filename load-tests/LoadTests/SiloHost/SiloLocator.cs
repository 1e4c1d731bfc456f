using System.Diagnostics;

namespace Dispatch.LoadTests.SiloHost;

/// <summary>
/// Finds the silo to start: an explicit Dispatch.Silo.dll, else the repository's Silo/Silo.csproj built in Release
/// (an incremental <c>dotnet build</c>, so the measured silo is the current code, optimised).
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

    /// <summary>Where a Release build of the silo lands.</summary>
    public static string ReleaseDll(string root) => Path.Combine(root, "Silo", "bin", "Release", "net10.0", DllName);

    public static async Task<string> LocateAsync(string? explicitDll, Action<string> log, CancellationToken cancellationToken)
    {
        if (explicitDll is not null) return explicitDll;
        var root = RepositoryRoot()
            ?? throw new Surge.SurgeSetupException($"Cannot find the repository (Dispatch.sln) to build the silo from; pass --silo-dll path/to/{DllName}.");
        log("Building the silo in Release (dotnet build Silo/Silo.csproj -c Release; incremental) ...");
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
        var dll = ReleaseDll(root);
        return File.Exists(dll) ? dll : throw new Surge.SurgeSetupException($"The build succeeded but {dll} is missing.");
    }
}
