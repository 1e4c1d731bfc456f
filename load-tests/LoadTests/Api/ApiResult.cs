namespace Dispatch.LoadTests.Api;

/// <summary>
/// An API call's outcome: the HTTP status (0 when no answer came: refused, reset, timed out), the parsed body on
/// success, otherwise a short error.
/// </summary>
public sealed record ApiResult<T>(int Status, T? Value, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300 && Value is not null;

    /// <summary>Worth another attempt: no answer, or the server said it is unavailable or overloaded.</summary>
    public bool IsTransient => Status is 0 or 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>The silo refused the connection: nothing was sent, so another silo may take the request.</summary>
    public bool Refused { get; init; }
}
