namespace Dispatch.Grains.Domain;

/// <summary>
/// A data file (calendar, city) is malformed or inconsistent. The message always names the file,
/// the JSON path of the offending value (for example <c>$.departments[12].centerId</c>) and, when the
/// entry has one, its id or date, so an operator can fix the file without reading code.
/// </summary>
public abstract class DataFileException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    /// <param name="fileName">The file name as given to the loader (a path or a bare name).</param>
    /// <param name="jsonPath">The JSON path of the offending value; <c>$</c> for the whole document.</param>
    /// <param name="entryId">The id (or date) of the offending entry, or null when it has none.</param>
    /// <param name="problem">What is wrong, in a sentence.</param>
    /// <param name="innerException">The underlying parser error, if any.</param>
    protected DataFileException(string fileName, string jsonPath, string? entryId, string problem, Exception? innerException)
        : base(Compose(fileName, jsonPath, entryId, problem), innerException)
    {
        FileName = fileName;
        JsonPath = jsonPath;
        EntryId = entryId;
        Problem = problem;
    }

    /// <summary>The file name as given to the loader.</summary>
    public string FileName { get; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.grids[3].centerId</c>.</summary>
    public string JsonPath { get; }

    /// <summary>The id or date of the offending entry, or null when it has none.</summary>
    public string? EntryId { get; }

    /// <summary>What is wrong, without the file and path.</summary>
    public string Problem { get; }

    private static string Compose(string fileName, string jsonPath, string? entryId, string problem) =>
        entryId is null
            ? $"{fileName}: {jsonPath}: {problem}"
            : $"{fileName}: {jsonPath} (id '{entryId}'): {problem}";
}
