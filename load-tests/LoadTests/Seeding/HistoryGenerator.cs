using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.Calendar;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.LoadTests.Seeding;

/// <summary>
/// Makes up a city's case history, deterministically from a seed: cases reported over the span (fewer at weekends,
/// mostly in the daytime), triaged, whistled to the departments the city's routing picks (3 to 5 summonses), answered
/// after delays drawn against the real deadlines of the city's policy, escalated where a deadline passed (a summons to
/// the department one level up, the case to the county and the city, a duty leader at the top), resolved, closed and
/// followed up with a satisfaction. What has not happened by <see cref="HistorySpec.Until"/> stays open.
/// </summary>
/// <remarks>
/// Cases are made one local day at a time from a random generator seeded by (seed, day), so any day can be made on
/// its own and in parallel with the same result. Case ids follow the silo's allocator: <c>C-yyyyMMdd-n</c>, n the
/// milliseconds since local midnight plus one, increasing within the day.
/// </remarks>
public sealed class HistoryGenerator
{
    /// <summary>Most summonses a generated case has, counting those issued by escalation.</summary>
    public const int MaxSummonses = 5;

    /// <summary>Fewest summonses a whistled case has.</summary>
    public const int MinSummonses = 3;

    private static readonly Category[] Categories = Enum.GetValues<Category>();
    private static readonly double[] CategoryWeights = [22, 8, 9, 12, 4, 6, 9, 6, 3, 5, 5, 4, 5, 2];
    private static readonly CaseTier[] Tiers = [CaseTier.Consultation, CaseTier.Simple, CaseTier.General, CaseTier.Complex, CaseTier.Major];
    private static readonly double[] TierWeights = [8, 27, 47, 15, 3];
    private static readonly RiskColour[] Risks = [RiskColour.Blue, RiskColour.Orange, RiskColour.Red];
    private static readonly double[] RiskWeights = [70, 22, 8];
    private static readonly CaseSource[] Sources = Enum.GetValues<CaseSource>();
    private static readonly double[] SourceWeights = [55, 15, 14, 9, 4, 3];
    private static readonly int[] Satisfactions = [5, 4, 3, 2, 1];
    private static readonly double[] SatisfactionWeights = [46, 34, 12, 5, 3];

    private readonly CityModel _city;
    private readonly DeadlinePolicy _policy;
    private readonly HistorySpec _spec;
    private readonly GridDef[] _grids;
    private readonly Dictionary<string, string> _townshipOfGrid;
    private readonly Dictionary<string, string> _countyOfTownship;
    private readonly Dictionary<(Category, string), string[]> _routes;
    private readonly LocalDate _firstDay;
    private readonly int[] _perDay;

    /// <param name="city">The city the cases happen in.</param>
    /// <param name="spec">How many cases, over which span, from which seed.</param>
    /// <param name="calendar">Working calendar for deadlines (default: the shipped Chinese calendar).</param>
    /// <exception cref="ArgumentException">No cases or an empty span.</exception>
    public HistoryGenerator(CityModel city, HistorySpec spec, WorkingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Cases < 1) throw new ArgumentException("At least one case.", nameof(spec));
        if (spec.Until <= spec.From) throw new ArgumentException("The span ends before it starts.", nameof(spec));
        _city = city;
        _spec = spec;
        _policy = new DeadlinePolicy(calendar ?? WorkingCalendar.Default, city.DeadlinePolicy);
        _grids = city.Grids.ToArray();
        _townshipOfGrid = _grids.ToDictionary(g => g.Id, g => city.TownshipOf(g.Id).Id, StringComparer.Ordinal);
        _countyOfTownship = city.Centers.Where(c => c.Level == CenterLevel.Township)
            .ToDictionary(c => c.Id, c => city.CountyOf(c.Id)!.Id, StringComparer.Ordinal);
        _routes = _countyOfTownship.Keys.SelectMany(t => Categories.Select(c => (c, t))).ToDictionary(k => k, k => Route(k.c, k.t));
        _firstDay = StatsPeriods.DayOf(spec.From);
        _perDay = SpreadOverDays();
    }

    /// <summary>How many local days the span touches; days are numbered from 0.</summary>
    public int DayCount => _perDay.Length;

    /// <summary>How many cases day <paramref name="day"/> gets.</summary>
    public int CasesOn(int day) => _perDay[day];

    /// <summary>Every case, day by day, in the order of their ids.</summary>
    public IEnumerable<GeneratedCase> All()
    {
        for (var day = 0; day < DayCount; day++)
        {
            foreach (var c in Day(day)) yield return c;
        }
    }

    /// <summary>The cases reported on day <paramref name="day"/>, in the order of their ids (and report times).</summary>
    public IReadOnlyList<GeneratedCase> Day(int day)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(day);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(day, DayCount);
        var random = new Random(unchecked(_spec.Seed * 1_000_003 + day * 7919 + 17));
        var date = _firstDay.PlusDays(day);
        var (from, until) = Covered(date);
        var times = new Instant[_perDay[day]];
        for (var i = 0; i < times.Length; i++) times[i] = ReportTime(random, date, from, until);
        Array.Sort(times);
        var cases = new GeneratedCase[times.Length];
        long last = 0;
        var midnight = StatsPeriods.StartOfDay(date);
        for (var i = 0; i < times.Length; i++)
        {
            last = Math.Max(last + 1, (long)(times[i] - midnight).TotalMilliseconds + 1);
            cases[i] = new CaseDraft(this, random, CaseId.Create(date, last), times[i]).Play();
        }
        return cases;
    }

    /// <summary>Shares the cases out over the days by covered time, weekends at 55 %, rounding the running sum.</summary>
    private int[] SpreadOverDays()
    {
        var last = StatsPeriods.DayOf(_spec.Until - Duration.FromTicks(1));
        var days = Period.DaysBetween(_firstDay, last) + 1;
        var weights = new double[days];
        for (var d = 0; d < days; d++)
        {
            var date = _firstDay.PlusDays(d);
            var (from, until) = Covered(date);
            var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            weights[d] = Math.Max(0, (until - from).TotalHours) * (weekend ? 0.55 : 1.0);
        }
        var total = weights.Sum();
        var counts = new int[days];
        double running = 0;
        long given = 0;
        for (var d = 0; d < days; d++)
        {
            running += weights[d];
            var upTo = d == days - 1 ? _spec.Cases : (long)Math.Round(_spec.Cases * running / total);
            counts[d] = (int)(upTo - given);
            given = upTo;
        }
        return counts;
    }

    private (Instant From, Instant Until) Covered(LocalDate date)
    {
        var start = StatsPeriods.StartOfDay(date);
        var end = StatsPeriods.StartOfDay(date.PlusDays(1));
        return (Instant.Max(start, _spec.From), Instant.Min(end, _spec.Until));
    }

    /// <summary>85 % between 08:00 and 18:00 local, the rest at any hour; whole milliseconds inside the covered part.</summary>
    private static Instant ReportTime(Random random, LocalDate date, Instant from, Instant until)
    {
        var midnight = StatsPeriods.StartOfDay(date);
        var at = random.NextDouble() < 0.85
            ? midnight + Duration.FromHours(8) + Duration.FromMilliseconds((long)(random.NextDouble() * 10 * 3_600_000))
            : midnight + Duration.FromMilliseconds((long)(random.NextDouble() * 24 * 3_600_000));
        if (at < from || at >= until)
        {
            at = from + Duration.FromMilliseconds((long)(random.NextDouble() * (until - from).TotalMilliseconds));
        }
        return Instant.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
    }

    /// <summary>The city's routing, topped up to three departments from the township's and then its county's others.</summary>
    private string[] Route(Category category, string townshipId)
    {
        var chosen = _city.Route(category, townshipId).Select(d => d.Id).Take(MaxSummonses).ToList();
        foreach (var center in _city.AncestorsAndSelf(townshipId))
        {
            foreach (var d in _city.DepartmentsAt(center.Id))
            {
                if (chosen.Count >= MinSummonses) break;
                if (!chosen.Contains(d.Id)) chosen.Add(d.Id);
            }
        }
        return chosen.ToArray();
    }

    private static T Pick<T>(Random random, T[] items, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return items[i];
        }
        return items[^1];
    }

    /// <summary>A log-normal duration with median <paramref name="median"/>, clamped to [min, max], in whole milliseconds.</summary>
    private static Duration LogNormal(Random random, Duration median, double sigma, Duration min, Duration max)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        var ms = median.TotalMilliseconds * Math.Exp(sigma * normal);
        return Duration.FromMilliseconds((long)Math.Clamp(ms, min.TotalMilliseconds, max.TotalMilliseconds));
    }

    private static Instant Within(Instant from, Instant to, double share) =>
        Instant.FromUnixTimeMilliseconds(from.ToUnixTimeMilliseconds() + (long)((to - from).TotalMilliseconds * share));

    /// <summary>One case played through its life, event by event, up to the end of the history.</summary>
    private sealed class CaseDraft(HistoryGenerator g, Random random, string id, Instant reportedAt)
    {
        private readonly List<TimelineEntry> _timeline = [];
        private readonly List<SummonsDraft> _summonses = [];
        private string _township = "";
        private string _centerId = "";
        private CenterLevel _level = CenterLevel.Township;
        private CaseTier? _tier;
        private RiskColour? _risk;
        private CaseState _state = CaseState.Reported;
        private Instant? _dueAt;
        private LeaderView? _leader;
        private string? _outcome;
        private int? _satisfaction;
        private int _escalations;
        private int _version;
        private bool _ladderExhausted;
        private Instant? _inProgressAt;

        private Instant Now => g._spec.Until;

        public GeneratedCase Play()
        {
            var grid = g._grids[random.Next(g._grids.Length)];
            var township = g._townshipOfGrid[grid.Id];
            (_township, _centerId) = (township, township);
            var category = Pick(random, Categories, CategoryWeights);
            var tier = category == Category.Consultation && random.NextDouble() < 0.8 ? CaseTier.Consultation : Pick(random, Tiers, TierWeights);
            var risk = Pick(random, Risks, RiskWeights);
            var source = Pick(random, Sources, SourceWeights);
            Add(reportedAt, "reported", "commissioner:" + township, source.ToString());
            var triageDueAt = g._policy.TriageDueAt(reportedAt);

            var triaged = random.NextDouble() < 0.92;
            var triageAt = reportedAt + LogNormal(random, Duration.FromMinutes(40), 1.0, Duration.FromMinutes(2), Duration.FromHours(20));
            var whistleAt = (triaged ? triageAt : reportedAt)
                + LogNormal(random, Duration.FromMinutes(20), 0.9, Duration.FromMinutes(1), Duration.FromHours(8));
            var whistles = !(triaged && tier == CaseTier.Consultation && random.NextDouble() < 0.7);
            var neverResolved = random.NextDouble() < 0.012;

            if (triaged && triageAt <= Now)
            {
                (_tier, _risk, _state, _dueAt) = (tier, risk, CaseState.Triaged, g._policy.CaseDueAt(tier, triageAt));
                Add(triageAt, "triaged", "commissioner:" + township, $"{category}, {tier}, {risk}");
            }
            Instant? resolveAt = null;
            if (whistles && whistleAt <= Now)
            {
                Whistle(category, whistleAt);
                resolveAt = neverResolved ? null : ResolutionTime(whistleAt);
            }
            else if (!whistles && triageAt <= Now)
            {
                resolveAt = triageAt + LogNormal(random, Duration.FromHours(1), 0.8, Duration.FromMinutes(5), Duration.FromHours(30));
            }

            var end = resolveAt is { } r && r <= Now ? r : Now;
            PlaySummonses(end);
            ClimbLadder(end);
            if (resolveAt is { } resolved && resolved <= Now) Finish(resolved);
            else if (_state == CaseState.Whistled && _inProgressAt is { } started && started <= Now) _state = CaseState.InProgress;

            _timeline.Sort((a, b) => a.At.CompareTo(b.At));
            var view = new CaseView(id, grid.Id, township, _centerId, _level, category, _tier, _risk, _state, source,
                Summary(category, grid), null, reportedAt, _dueAt, triageDueAt, _leader, _outcome, _satisfaction,
                _summonses.Select(s => s.ToView(id)).ToList(), _timeline, Math.Max(1, _version));
            return new GeneratedCase(view, g._countyOfTownship[township], _escalations, CaseStatsFacts.Of(view));
        }

        private void Whistle(Category category, Instant at)
        {
            _tier ??= CaseTier.General;
            _risk ??= RiskColour.Blue;
            _dueAt ??= g._policy.CaseDueAt(_tier.Value, at);
            _state = CaseState.Whistled;
            var route = g._routes[(category, _township)];
            foreach (var department in route) Issue(department, 0, at);
            Add(at, "whistled", "commissioner:" + _township, "summoned " + string.Join(", ", route));
            if (_tier == CaseTier.Major) LeaderTakes(at, "major case: a leader takes it when the whistle blows");
        }

        /// <summary>
        /// Most cases are resolved well within their deadline, 4 % late (and so escalated); a deadline already past at the
        /// whistle (a same-day tier whistled after hours) escalates at once and is resolved within hours; major ones take
        /// days to weeks.
        /// </summary>
        private Instant ResolutionTime(Instant whistleAt)
        {
            if (_dueAt is not { } due)
                return whistleAt + LogNormal(random, Duration.FromDays(12), 0.8, Duration.FromDays(1), Duration.FromDays(120));
            if (due <= whistleAt)
                return whistleAt + LogNormal(random, Duration.FromHours(3), 0.8, Duration.FromMinutes(20), Duration.FromDays(3));
            var share = random.NextDouble() < 0.04 ? 1.05 + random.NextDouble() * 4 : 0.1 + 0.85 * Math.Pow(random.NextDouble(), 1.3);
            return Within(whistleAt, due, share);
        }

        private SummonsDraft Issue(string departmentId, int level, Instant at)
        {
            var (ackDue, arriveDue) = g._policy.SummonsDeadlines(_risk ?? RiskColour.Blue, at);
            var s = new SummonsDraft(SummonsId.Create(id, _summonses.Count + 1), departmentId, level, _risk ?? RiskColour.Blue, at, ackDue, arriveDue);
            _summonses.Add(s);
            return s;
        }

        /// <summary>Answers, declines and summons escalations up to <paramref name="end"/> (resolution or now).</summary>
        private void PlaySummonses(Instant end)
        {
            for (var i = 0; i < _summonses.Count; i++)
            {
                var s = _summonses[i];
                var first = s.Level == 0;
                if (first && random.NextDouble() < 0.02)
                {
                    var declinedAt = Within(s.IssuedAt, s.AckDueAt, 0.05 + 0.9 * random.NextDouble());
                    if (declinedAt <= end)
                    {
                        s.Decline(declinedAt);
                        Add(declinedAt, "declined", "department:" + s.DepartmentId, s.Id);
                    }
                    continue;
                }
                if (Late(first, 0.02))
                {
                    Escalate(s, s.AckDueAt, "ack", end);
                    continue;
                }
                var ackedAt = Within(s.IssuedAt, s.AckDueAt, 0.05 + 0.9 * Math.Pow(random.NextDouble(), 1.5));
                if (ackedAt > end) continue;
                s.Acknowledge(ackedAt);
                Started(ackedAt);
                Add(ackedAt, "acknowledged", "department:" + s.DepartmentId, s.Id);
                if (Late(first, 0.01))
                {
                    Escalate(s, s.ArriveDueAt, "arrive", end);
                    continue;
                }
                var arrivedAt = Within(ackedAt, Instant.Max(ackedAt, s.ArriveDueAt), 0.1 + 0.85 * random.NextDouble());
                if (arrivedAt > end) continue;
                s.Arrive(arrivedAt);
                Add(arrivedAt, "arrived", "department:" + s.DepartmentId, s.Id);
                var fedBackAt = arrivedAt + LogNormal(random, Duration.FromHours(20), 1.0, Duration.FromMinutes(10), Duration.FromDays(30));
                if (fedBackAt > end) continue;
                s.FeedBack(fedBackAt);
                Add(fedBackAt, "fedBack", "department:" + s.DepartmentId, s.Id);
            }
        }

        /// <summary>
        /// Whether a first-level summons misses this deadline. Escalated summonses always answer in time, and no summons
        /// misses one when the escalation would summon a sixth department.
        /// </summary>
        private bool Late(bool first, double chance)
        {
            if (!first || random.NextDouble() >= chance) return false;
            return _summonses.Count < MaxSummonses;
        }

        private void Escalate(SummonsDraft s, Instant due, string kind, Instant end)
        {
            var at = due + Duration.FromMilliseconds(random.Next(50, 2_000));
            if (at > end) return;
            _escalations++;
            var parent = g._city.ParentDepartment(s.DepartmentId);
            if (parent is null)
            {
                s.Escalate(at, null);
                Add(at, "escalated", "engine", $"{s.DepartmentId}, the top of the ladder, missed the {kind} deadline of {s.Id}");
                LeaderTakes(at, $"{s.DepartmentId} missed the {kind} deadline of {s.Id}");
                return;
            }
            var next = Issue(parent.Id, s.Level + 1, at);
            s.Escalate(at, next.Id);
            Add(at, "escalated", "engine", $"{s.DepartmentId} missed the {kind} deadline of {s.Id}; summoned {parent.Id} ({next.Id})");
        }

        /// <summary>While the case is open past its deadline: up to the county, the city, then a leader takes it.</summary>
        private void ClimbLadder(Instant end)
        {
            while (!_ladderExhausted && _dueAt is { } due && due <= end && _state != CaseState.Reported)
            {
                var at = due + Duration.FromMilliseconds(random.Next(50, 2_000));
                if (at > end) return;
                _escalations++;
                var parent = g._city.Parent(_centerId);
                if (parent is null)
                {
                    _ladderExhausted = true;
                    Add(at, "escalated", "engine", $"at {_centerId}, the top of the ladder: the {_tier} deadline passed; a leader takes the case");
                    LeaderTakes(at, $"the {_tier} deadline {due} passed unresolved");
                    return;
                }
                Add(at, "escalated", "engine", $"moved from {_centerId} to {parent.Id}: the {_tier} deadline {due} passed unresolved");
                (_centerId, _level) = (parent.Id, parent.Level);
                _dueAt = _tier is { } tier ? g._policy.CaseDueAt(tier, at) : null;
            }
        }

        private void Finish(Instant resolvedAt)
        {
            foreach (var s in _summonses.Where(s => s.IsOpen)) s.Cancel(resolvedAt, "case resolved");
            _state = CaseState.Resolved;
            _outcome = "双方达成调解协议，已履行";
            Add(resolvedAt, "resolved", "commissioner:" + _township, _outcome);
            var closedAt = resolvedAt + LogNormal(random, Duration.FromHours(20), 0.8, Duration.FromMinutes(10), Duration.FromDays(20));
            if (closedAt > Now) return;
            _state = CaseState.Closed;
            Add(closedAt, "closed", "commissioner:" + _township, null);
            if (random.NextDouble() >= 0.85) return;
            var visitedAt = closedAt + LogNormal(random, Duration.FromDays(3), 0.6, Duration.FromHours(2), Duration.FromDays(30));
            if (visitedAt > Now) return;
            _state = CaseState.FollowedUp;
            _satisfaction = Pick(random, Satisfactions, SatisfactionWeights);
            Add(visitedAt, "followedUp", "commissioner:" + _township, $"satisfaction {_satisfaction}");
        }

        private void LeaderTakes(Instant at, string reason)
        {
            if (_leader is not null) return;
            var county = g._countyOfTownship[_township];
            if (!g._city.TryGetRota(county, out var rota)) return;
            var shift = rota.OnDutyAt(at);
            var role = char.ToLowerInvariant(shift.Role.ToString()[0]) + shift.Role.ToString()[1..];
            _leader = new LeaderView(role, shift.Name, at, reason);
            Add(at, "leaderTookCase", "engine", $"{shift.Name} ({role}, on duty at {county}): {reason}");
        }

        private void Started(Instant at)
        {
            if (_inProgressAt is null || at < _inProgressAt) _inProgressAt = at;
        }

        private void Add(Instant at, string kind, string actor, string? note)
        {
            _timeline.Add(new TimelineEntry(at, kind, actor, note));
            if (kind != "leaderTookCase") _version++;
        }

        private static string Summary(Category category, GridDef grid) => category switch
        {
            Category.NeighbourDispute => $"邻里纠纷：楼上漏水影响楼下住户（{grid.Name}）",
            Category.LandHomestead => $"宅基地边界争议（{grid.Name}）",
            Category.WageArrears => $"农民工讨要拖欠工资（{grid.Name}）",
            Category.PropertyManagement => $"物业费与维修责任纠纷（{grid.Name}）",
            Category.HousingDelivery => $"商品房逾期交付（{grid.Name}）",
            Category.Labour => $"劳动合同解除补偿争议（{grid.Name}）",
            Category.MarriageFamily => $"赡养与家庭矛盾（{grid.Name}）",
            Category.TrafficAccident => $"交通事故赔偿协商（{grid.Name}）",
            Category.MedicalDispute => $"医疗费用与责任纠纷（{grid.Name}）",
            Category.SafetyHazard => $"楼道堆放杂物存在消防隐患（{grid.Name}）",
            Category.PublicSecurity => $"夜间噪音扰民引发冲突（{grid.Name}）",
            Category.Petition => $"群众来访反映拆迁补偿问题（{grid.Name}）",
            Category.Consultation => $"咨询赡养费相关法律政策（{grid.Name}）",
            _ => $"其他矛盾纠纷（{grid.Name}）",
        };
    }

    /// <summary>A summons while its case is being played.</summary>
    private sealed class SummonsDraft(string id, string departmentId, int level, RiskColour risk, Instant issuedAt, Instant ackDueAt, Instant arriveDueAt)
    {
        public string Id => id;
        public string DepartmentId => departmentId;
        public int Level => level;
        public Instant IssuedAt => issuedAt;
        public Instant AckDueAt => ackDueAt;
        public Instant ArriveDueAt => arriveDueAt;
        public SummonsState State { get; private set; } = SummonsState.Issued;
        public bool IsOpen => State is SummonsState.Issued or SummonsState.Acknowledged or SummonsState.Arrived;
        private Instant? _ackedAt, _arrivedAt, _fedBackAt;
        private string? _escalatedTo, _note;
        private int _version = 1;

        public void Acknowledge(Instant at) => Move(SummonsState.Acknowledged, () => _ackedAt = at);
        public void Arrive(Instant at) => Move(SummonsState.Arrived, () => _arrivedAt = at);
        public void FeedBack(Instant at) => Move(SummonsState.FedBack, () => { _fedBackAt = at; _note = "已到场处置，情况已反馈"; });
        public void Decline(Instant at) => Move(SummonsState.Declined, () => _note = "非本部门职责");
        public void Escalate(Instant at, string? to) => Move(SummonsState.Escalated, () => _escalatedTo = to);
        public void Cancel(Instant at, string why) => Move(SummonsState.Cancelled, () => _note = why);

        private void Move(SummonsState to, Action change)
        {
            State = to;
            change();
            _version++;
        }

        public SummonsView ToView(string caseId) => new(id, caseId, departmentId, State, issuedAt, ackDueAt, arriveDueAt, _ackedAt,
            _arrivedAt, level, _escalatedTo, risk, _fedBackAt, _note, _version);
    }
}
