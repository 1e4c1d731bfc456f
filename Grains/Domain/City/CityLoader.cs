namespace Dispatch.Grains.Domain.City;

/// <summary>
/// Loads and validates city files. Format (camelCase; properties starting with <c>$</c> are ignored,
/// any other unknown property is an error):
/// <code>
/// {
///   "extraDepartmentKinds": [ "veteransAffairs" ],                       // optional
///   "centers":     [ { "id", "name", "level": "city|county|township|village", "parentId" } ],
///   "departments": [ { "id", "name", "kind", "centerId", "parentDepartmentId", "staffing": "resident|rotating|onCall" } ],
///   "grids":       [ { "id", "name", "centerId" } ],
///   "rotas":       [ { "countyId", "start": "2026-01-01", "handover": "08:30", "shiftDays": 1,
///                      "chiefs": [ { "role": "publicSecurityChief", "name": "王建军" }, ... ] } ],
///   "routing":        { "wageArrears": [ "humanResources", ... ] },      // optional, per category
///   "deadlinePolicy": { "triage": ..., "tiers": ..., "summons": ... }    // optional, see DeadlinePolicyOptions
/// }
/// </code>
/// </summary>
public static class CityLoader
{
    /// <summary>The folder data files are copied to, next to the assembly: <c>{AppContext.BaseDirectory}/Data</c>.</summary>
    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Data");

    /// <summary>Loads a city file.</summary>
    /// <exception cref="CityFileException">The file is malformed or inconsistent; the message names the file, JSON path and id.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CityModel Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates city JSON.</summary>
    /// <param name="json">The file content.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <exception cref="CityFileException">The content is malformed or inconsistent.</exception>
    public static CityModel Parse(string json, string fileName)
    {
        var content = CityFileReader.Read(json, fileName);
        CityValidator.Validate(content, fileName);
        return new CityModel(content, fileName);
    }
}
