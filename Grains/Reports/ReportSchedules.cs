using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Model;
using Orleans;

namespace Dispatch.Grains.Reports;

/// <summary>Starts the cadence reports of a whole city: call once the silo runs (idempotent, safe on every start).</summary>
public static class ReportSchedules
{
    /// <summary>Calls <see cref="IReportScheduleGrain.Start"/> for every county of <paramref name="city"/>.</summary>
    public static Task StartAllAsync(IGrainFactory grains, CityModel city) =>
        Task.WhenAll(city.Centers.Where(c => c.Level == CenterLevel.County).Select(c => grains.GetGrain<IReportScheduleGrain>(c.Id).Start()));
}
