namespace Dispatch.Dashboard.Tests.Infrastructure;

/// <summary>Where the tests leave screenshots: test-results/screenshots/ at the repository's root (beside Dispatch.sln).</summary>
public static class Artifacts
{
    public static string Screenshots { get; } = Create();

    public static string Screenshot(string name) => Path.Combine(Screenshots, $"{name}.png");

    private static string Create()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dispatch.sln")))
            directory = directory.Parent;
        var root = directory?.FullName ?? AppContext.BaseDirectory;
        var path = Path.Combine(root, "test-results", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
