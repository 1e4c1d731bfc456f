namespace Dispatch.Silo.Options;

/// <summary>The organisation the silo serves (configuration section "City").</summary>
public sealed class CityOptions
{
    public const string Section = "City";

    /// <summary>The shipped demo city, next to the binaries (Data/city-baotou.json).</summary>
    public const string DefaultFileName = "city-baotou.json";

    /// <summary>A city file (relative paths are under the content root); default: the shipped Baotou demo city.</summary>
    public string? File { get; set; }

    /// <summary>The full path of the city file to load.</summary>
    public string ResolvePath(string contentRoot) =>
        string.IsNullOrWhiteSpace(File)
            ? Path.Combine(AppContext.BaseDirectory, "Data", DefaultFileName)
            : Path.GetFullPath(Path.Combine(contentRoot, File.Trim()));
}
