using NodaTime;

namespace Dispatch.Runtime.Tests.TestGrains;

public sealed record AlarmFiring(string Name, Instant DueAt, Instant FiredAt);
