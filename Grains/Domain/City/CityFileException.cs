namespace Dispatch.Grains.Domain.City;

/// <summary>
/// The city file is malformed or inconsistent: bad JSON, a missing or mistyped field, a duplicate or
/// invalid id, a dangling reference (center parent, grid center, department center, parent department),
/// a cycle among centers or department counterparts, an unknown kind, level or staffing, a level that
/// does not match its parent, a county without a complete four-chiefs rota, a bad routing or deadline
/// entry. The message names the file, the JSON path (e.g. <c>$.departments[12].centerId</c>) and the id.
/// </summary>
public sealed class CityFileException : DataFileException
{
    /// <inheritdoc cref="DataFileException(string, string, string?, string, Exception?)"/>
    public CityFileException(string fileName, string jsonPath, string? entryId, string problem, Exception? innerException = null)
        : base(fileName, jsonPath, entryId, problem, innerException)
    {
    }
}
