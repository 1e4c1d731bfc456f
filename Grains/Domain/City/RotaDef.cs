using NodaTime;

namespace Dispatch.Grains.Domain.City;

/// <summary>
/// A county's four-chiefs duty rota (四长值班): the chiefs take turns in the listed order, each for
/// <see cref="ShiftDays"/> days, handing over at <see cref="Handover"/> (Asia/Shanghai). The first shift
/// starts on <see cref="Start"/> at the hand-over time; the rotation extends backwards before it in the
/// same order. Holidays do not change the rotation.
/// </summary>
/// <param name="CountyId">The county center.</param>
/// <param name="Start">The local date of the first hand-over.</param>
/// <param name="Handover">The local hand-over time, e.g. 08:30.</param>
/// <param name="ShiftDays">Days per shift, 1 to 31.</param>
/// <param name="Chiefs">The four chiefs in rotation order, each role exactly once.</param>
public sealed record RotaDef(string CountyId, LocalDate Start, LocalTime Handover, int ShiftDays, IReadOnlyList<DutyChief> Chiefs)
{
    /// <summary>The most shifts <see cref="Shifts"/> returns.</summary>
    public const int MaxShifts = 10_000;

    /// <summary>The shift on duty at <paramref name="at"/>; a hand-over instant belongs to the incoming chief.</summary>
    /// <exception cref="InvalidOperationException">The rota has no chiefs or a non-positive shift length (not validated).</exception>
    public DutyShift OnDutyAt(Instant at)
    {
        if (Chiefs.Count == 0 || ShiftDays < 1)
        {
            throw new InvalidOperationException($"The rota of '{CountyId}' has no chiefs or a non-positive shift length.");
        }

        var local = at.InZone(ChinaTime.Zone).LocalDateTime;
        var dutyDate = local.TimeOfDay < Handover ? local.Date.PlusDays(-1) : local.Date;
        var days = Period.DaysBetween(Start, dutyDate);
        var index = days >= 0 ? days / ShiftDays : -((-days + ShiftDays - 1) / ShiftDays);
        var chief = Chiefs[((index % Chiefs.Count) + Chiefs.Count) % Chiefs.Count];
        return new DutyShift(chief.Role, chief.Name, HandoverAt(index), HandoverAt(index + 1));
    }

    /// <summary>
    /// The shifts overlapping [<paramref name="from"/>, <paramref name="to"/>), in order; the first may
    /// start before <paramref name="from"/> and the last may end after <paramref name="to"/>. Empty when
    /// both are equal.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is earlier than <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval spans more than <see cref="MaxShifts"/> shifts.</exception>
    public IReadOnlyList<DutyShift> Shifts(Instant from, Instant to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The end {to} is earlier than the start {from}.", nameof(to));
        }

        var shifts = new List<DutyShift>();
        if (to == from)
        {
            return shifts;
        }

        for (var shift = OnDutyAt(from); shift.From < to; shift = OnDutyAt(shift.To))
        {
            if (shifts.Count == MaxShifts)
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, $"The interval spans more than {MaxShifts} shifts.");
            }

            shifts.Add(shift);
        }

        return shifts;
    }

    private Instant HandoverAt(int shiftIndex) =>
        Start.PlusDays(shiftIndex * ShiftDays).At(Handover).InZoneLeniently(ChinaTime.Zone).ToInstant();
}
