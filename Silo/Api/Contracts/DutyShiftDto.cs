using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>Who is on duty at a county center over [From, To).</summary>
public sealed record DutyShiftDto(DutyRole Role, string Name, Instant From, Instant To)
{
    public static DutyShiftDto Of(DutyShift s) => new(s.Role, s.Name, s.From, s.To);

    public static DutyShiftDto Of(DutyShiftView s) => new(s.Role, s.Name, s.From, s.To);
}
