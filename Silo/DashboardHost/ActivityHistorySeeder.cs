using Dispatch.Dashboard.Live;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.ReadModels;
using NodaTime;

namespace Dispatch.Silo.DashboardHost;

/// <summary>
/// Rebuilds the dashboard's 48-hour activity (<see cref="ActivityHistory"/>: the charts' day and yesterday's) from the read models when the silo starts,
/// before Orleans runs a grain, so a restart shows the same whistles, summonses, acknowledgements and summons
/// escalations as before it; live events add to it from then on. Escalations that summoned nobody (a case moved up for
/// its tier deadline, a leader taking the case) leave no summons row and are not rebuilt; "escalations today" on the duty
/// board comes from the statistics instead, which count them all.
/// </summary>
public sealed class ActivityHistorySeeder(IReadModelReader views, ActivityHistory? history, CityModel city, IClock clock,
    ILogger<ActivityHistorySeeder> logger) : IHostedService
{
    /// <summary>The most summons rows read (a city's day is far fewer).</summary>
    public const int MaxRows = 500_000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (history is null) return;
        var since = clock.GetCurrentInstant() - Duration.FromHours(ActivityHistory.KeptHours);
        var rows = await views.SummonsActivitySinceAsync(since, MaxRows, cancellationToken);
        var byId = rows.ToDictionary(r => r.Summons.Id, r => r.Summons, StringComparer.Ordinal);
        var escalations = new List<EscalationRaised>();
        foreach (var (s, township) in rows)
        {
            var scopes = Scopes(s, township);
            if (s.IssuedAt >= since)
                history.Record(new SummonsChanged(s with { State = SummonsState.Issued, Version = 1, AckedAt = null, ArrivedAt = null }, scopes));
            if (s.AckedAt is { } acked && acked >= since)
                history.Record(new SummonsChanged(s with { State = SummonsState.Acknowledged }, scopes));
            if (s.State == SummonsState.Escalated && s.EscalatedTo is { } to && byId.TryGetValue(to, out var next) && next.IssuedAt >= since)
            {
                var missed = s.AckedAt is null ? "acknowledged" : "arrived";
                var due = s.AckedAt is null ? s.AckDueAt : s.ArriveDueAt;
                var level = city.GetCenter(city.GetDepartment(next.DepartmentId).CenterId);
                escalations.Add(new EscalationRaised(new EscalationView(s.CaseId, s.AckedAt is null ? "ack" : "arrive", s.Id, s.DepartmentId,
                    next.DepartmentId, next.Id, next.EscalationLevel, township, level.Id, level.Level, null, due, next.IssuedAt,
                    $"{s.DepartmentId} had not {missed} {s.Id} by {due}"), scopes));
            }
        }
        foreach (var e in escalations.OrderBy(e => e.Escalation.At)) history.Record(e);
        logger.LogInformation("Dashboard activity of the last {Hours} h rebuilt from {Rows} summonses", ActivityHistory.KeptHours, rows.Count);
    }

    private IReadOnlyList<string> Scopes(SummonsView s, string township) =>
        [s.CaseId, .. city.AncestorsAndSelf(township).Select(c => c.Id), s.DepartmentId];

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
