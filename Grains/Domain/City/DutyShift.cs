using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Domain.City;

/// <summary>One duty shift: who is on duty at a county center, over the half-open interval [From, To).</summary>
/// <param name="Role">The chief's role.</param>
/// <param name="Name">The chief's name.</param>
/// <param name="From">Hand-over at the start of the shift (inclusive).</param>
/// <param name="To">Hand-over at the end of the shift (exclusive).</param>
public sealed record DutyShift(DutyRole Role, string Name, Instant From, Instant To);
