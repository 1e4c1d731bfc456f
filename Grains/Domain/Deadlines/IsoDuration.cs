using NodaTime;
using Dispatch.Grains.Interfaces.Serialization;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// ISO-8601 durations as used by the API (<c>PT30M</c>, <c>PT1H30M</c>, <c>P1DT2H</c>), parsed with
/// NodaTime's <see cref="PeriodPattern.NormalizingIso"/>. Days and weeks are exact (a day is 24 hours);
/// years and months are rejected because their length is not fixed.
/// </summary>
public static class IsoDuration
{
    /// <summary>
    /// The shortest per-whistle override the API accepts (one second). This helper does not enforce it;
    /// callers compare against it.
    /// </summary>
    public static Duration Minimum { get; } = Duration.FromSeconds(1);

    /// <summary>
    /// Parses an ISO-8601 duration such as <c>PT30M</c>. Returns false for null or malformed text,
    /// a year or month unit, any negative unit, or a value too large for a <see cref="Duration"/>.
    /// Zero (<c>PT0S</c>) is accepted. Case-sensitive: designators are upper-case.
    /// </summary>
    public static bool TryParse(string? text, out Duration duration) => DurationJsonConverter.TryParse(text, out duration);

    /// <summary>
    /// Formats a non-negative duration in normalized ISO-8601 form: <c>PT30M</c>, <c>PT1H30M</c>,
    /// <c>P1DT12H</c> (24 hours become a day), <c>PT0.5S</c>, and <c>P0D</c> for zero.
    /// <see cref="TryParse"/> reads back the same duration.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static string Format(Duration duration) => DurationJsonConverter.Format(duration);
}
