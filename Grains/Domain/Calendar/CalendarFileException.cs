namespace Dispatch.Grains.Domain.Calendar;

/// <summary>
/// The calendar file is malformed or inconsistent: bad JSON, a bad date or time, a date listed twice,
/// a date listed both as holiday and make-up working day, a make-up day that is not a weekend day,
/// or bad working hours. The message names the file, the JSON path and the entry (its date).
/// </summary>
public sealed class CalendarFileException : DataFileException
{
    /// <inheritdoc cref="DataFileException(string, string, string?, string, Exception?)"/>
    public CalendarFileException(string fileName, string jsonPath, string? entryId, string problem, Exception? innerException = null)
        : base(fileName, jsonPath, entryId, problem, innerException)
    {
    }
}
