using NodaTime;
using NodaTime.Extensions;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>NodaTime over a (fake) TimeProvider, as the silo registers it.</summary>
public sealed class ClockOver(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => time.GetUtcNow().ToInstant();
}
