using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Serialization;

// NodaTime's value types cross the wire between silos as these surrogates, exact over NodaTime's whole range: an instant
// as the duration since the Unix epoch, a duration as whole days plus the nanoseconds of the last partial day (as
// NodaTime itself keeps it), a date as its ISO calendar fields. In-process calls only copy, so without these a missing
// codec would show only across silos.

/// <summary>A <see cref="Duration"/> on the wire: <see cref="Duration.Days"/> and <see cref="Duration.NanosecondOfDay"/>.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.duration")]
public readonly record struct DurationSurrogate([property: Id(0)] int Days, [property: Id(1)] long NanosecondOfDay)
{
    public static DurationSurrogate From(Duration value) => new(value.Days, value.NanosecondOfDay);

    public Duration ToDuration() => Duration.FromDays(Days) + Duration.FromNanoseconds(NanosecondOfDay);
}

[RegisterConverter]
public sealed class DurationSurrogateConverter : IConverter<Duration, DurationSurrogate>
{
    public Duration ConvertFromSurrogate(in DurationSurrogate surrogate) => surrogate.ToDuration();

    public DurationSurrogate ConvertToSurrogate(in Duration value) => DurationSurrogate.From(value);
}

/// <summary>An <see cref="Instant"/> on the wire: the time since the Unix epoch.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.instant")]
public readonly record struct InstantSurrogate([property: Id(0)] int Days, [property: Id(1)] long NanosecondOfDay);

[RegisterConverter]
public sealed class InstantSurrogateConverter : IConverter<Instant, InstantSurrogate>
{
    public Instant ConvertFromSurrogate(in InstantSurrogate surrogate)
        => NodaConstants.UnixEpoch + new DurationSurrogate(surrogate.Days, surrogate.NanosecondOfDay).ToDuration();

    public InstantSurrogate ConvertToSurrogate(in Instant value)
    {
        var since = DurationSurrogate.From(value - NodaConstants.UnixEpoch);
        return new(since.Days, since.NanosecondOfDay);
    }
}

/// <summary>A <see cref="LocalDate"/> (ISO calendar) on the wire.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.localDate")]
public readonly record struct LocalDateSurrogate([property: Id(0)] int Year, [property: Id(1)] int Month, [property: Id(2)] int Day);

[RegisterConverter]
public sealed class LocalDateSurrogateConverter : IConverter<LocalDate, LocalDateSurrogate>
{
    public LocalDate ConvertFromSurrogate(in LocalDateSurrogate surrogate) => new(surrogate.Year, surrogate.Month, surrogate.Day);

    public LocalDateSurrogate ConvertToSurrogate(in LocalDate value) => new(value.Year, value.Month, value.Day);
}
