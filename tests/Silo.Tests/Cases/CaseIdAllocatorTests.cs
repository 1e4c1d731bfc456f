using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Dispatch.Silo.Cases;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace Dispatch.Silo.Tests.Cases;

/// <summary>
/// Case ids from the per-day counter grain, through the allocator each silo has. Each allocator here stands for one
/// silo (its own blocks) on the silo's real grain and storage; each test uses a day of its own, far from the host's clock.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed partial class CaseIdAllocatorTests(SqliteSiloFixture fixture)
{
    [GeneratedRegex(@"^C-\d{8}-\d{6}$")]
    private static partial Regex Format();

    private static FakeClock ClockAt(int year, int month, int day, int hour = 10) =>
        // Asia/Shanghai is UTC+8: 10:00 local is 02:00 UTC the same day.
        new(Instant.FromUtc(year, month, day, hour - 8, 0));

    [Fact]
    public async Task NextAsync_TwoSilosConcurrently_FixedWidthUniqueAndIncreasingPerSilo()
    {
        var clock = ClockAt(2031, 3, 4);
        var silos = new[] { new CaseIdAllocator(clock, fixture.Host.Grains), new CaseIdAllocator(clock, fixture.Host.Grains) };
        var handedOut = new ConcurrentDictionary<int, ConcurrentQueue<string>>();

        await Task.WhenAll(silos.SelectMany((silo, index) => Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
                handedOut.GetOrAdd(index, _ => new ConcurrentQueue<string>()).Enqueue(await silo.NextAsync());
        }))));

        var all = handedOut.Values.SelectMany(q => q).ToList();
        Assert.Equal(360, all.Count);
        Assert.Equal(360, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, id => Assert.Matches(Format(), id));
        Assert.All(all, id => Assert.StartsWith("C-20310304-", id, StringComparison.Ordinal));
        // Blocks of 50: 360 ids from two silos take at most 4 blocks each, so none is above 8 × 50.
        Assert.All(all, id => Assert.True(string.CompareOrdinal(id, "C-20310304-000400") <= 0, id));
    }

    [Fact]
    public async Task NextAsync_OneSilo_IdsSortAsStringsInTheOrderHandedOut()
    {
        var silo = new CaseIdAllocator(ClockAt(2031, 4, 5), fixture.Host.Grains);
        var ids = new List<string>();
        for (var i = 0; i < 120; i++) ids.Add(await silo.NextAsync());

        Assert.Equal("C-20310405-000001", ids[0]);
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(120, ids.Distinct().Count());
    }

    [Fact]
    public async Task NextAsync_AfterARestart_ContinuesAboveEveryIdHandedOutBefore()
    {
        var clock = ClockAt(2031, 5, 6);
        var before = new CaseIdAllocator(clock, fixture.Host.Grains);
        var first = new List<string>();
        for (var i = 0; i < 7; i++) first.Add(await before.NextAsync());

        var restarted = new CaseIdAllocator(clock, fixture.Host.Grains);
        var next = await restarted.NextAsync();

        Assert.True(string.CompareOrdinal(next, first.Max(StringComparer.Ordinal)) > 0, $"{next} after {first.Max()}");
        Assert.Equal($"C-20310506-{CaseIdAllocator.BlockSize + 1:D6}", next);
    }

    [Fact]
    public async Task NextAsync_AtLocalMidnight_StartsTheNewDayAtOne()
    {
        // 23:59 in Shanghai on 2031-06-07, then two minutes later it is 2031-06-08 there (still 2031-06-07 in UTC).
        var clock = new FakeClock(Instant.FromUtc(2031, 6, 7, 15, 59));
        var silo = new CaseIdAllocator(clock, fixture.Host.Grains);
        Assert.Equal("C-20310607-000001", await silo.NextAsync());
        Assert.Equal("C-20310607-000002", await silo.NextAsync());

        clock.Advance(Duration.FromMinutes(2));

        Assert.Equal("C-20310608-000001", await silo.NextAsync());
    }
}
