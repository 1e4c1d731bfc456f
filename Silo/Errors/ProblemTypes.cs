namespace Dispatch.Silo.Errors;

/// <summary>The stable <c>type</c> URIs of the API's problem+json answers (RFC 9457).</summary>
public static class ProblemTypes
{
    public const string Base = "https://dispatch.local/problems/";
    public const string Validation = Base + "validation";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string UriTooLong = Base + "uri-too-long";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string HeadersTooLarge = Base + "headers-too-large";
    public const string Internal = Base + "internal";
    public const string NotImplemented = Base + "not-implemented";
    public const string Unavailable = Base + "unavailable";

    /// <summary>The type for an HTTP status code.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => Validation,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        414 => UriTooLong,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        431 => HeadersTooLarge,
        501 => NotImplemented,
        503 => Unavailable,
        >= 500 => Internal,
        _ => Base + "http-" + status,
    };
}
