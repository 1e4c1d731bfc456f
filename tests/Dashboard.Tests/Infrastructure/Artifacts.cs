namespace Dispatch.Dashboard.Tests.Infrastructure;

/// <summary>Where the tests leave screenshots: test-results/screenshots/ at the repository's root (beside Dispatch.sln).</summary>
public static class Artifacts
{
    public static string Screenshots { get; } = Create();

    public static string Screenshot(string name) => Path.Combine(Screenshots, $"{name}.png");

    /// <summary>
    /// A screenshot of the whole page, taken from the top: scrolled down, the sticky top bar would be drawn where the
    /// view was, across the middle of the picture.
    /// </summary>
    public static async Task FullPageAsync(Microsoft.Playwright.IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Screenshot(name), FullPage = true });
    }

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
