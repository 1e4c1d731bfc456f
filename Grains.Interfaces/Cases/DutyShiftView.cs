using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>One shift of the four-chiefs rota (四长值班): the role on duty, the chief's name, from (inclusive) to (exclusive).</summary>
[GenerateSerializer, Immutable, Alias("dispatch.DutyShiftView")]
public sealed record DutyShiftView(DutyRole Role, string Name, Instant From, Instant To);
