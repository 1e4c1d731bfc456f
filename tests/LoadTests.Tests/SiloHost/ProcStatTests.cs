using Dispatch.LoadTests.SiloHost;

namespace Dispatch.LoadTests.Tests.SiloHost;

public sealed class ProcStatTests
{
    [Fact]
    public void CpuTicks_AreUtimePlusStime_EvenWithParenthesesInTheName()
    {
        const string stat = "4242 (dotnet (silo) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1500 250 0 0 20 0 23 0 123456 3000000000 60000 18446744073709551615";
        Assert.True(ProcStat.TryParseCpuTicks(stat, out var ticks));
        Assert.Equal(1750, ticks);
    }

    [Fact]
    public void ParentPid_IsField4()
    {
        Assert.True(ProcStat.TryParseParentPid("4242 (postgres: walwriter ) S 4200 4200 4200 0 -1", out var parent));
        Assert.Equal(4200, parent);
    }

    [Fact]
    public void CpuTicks_RefuseGarbage()
    {
        Assert.False(ProcStat.TryParseCpuTicks("no parenthesis here", out _));
        Assert.False(ProcStat.TryParseCpuTicks("1 (x) S 1 2", out _));
    }

    [Fact]
    public void Rss_IsReadFromVmRss()
    {
        const string status = "Name:\tdotnet\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t23\n";
        Assert.True(ProcStat.TryParseRssBytes(status, out var bytes));
        Assert.Equal(123_456L * 1024, bytes);
        Assert.False(ProcStat.TryParseRssBytes("Name:\tx\n", out _));
    }

    [Fact]
    public void ThisProcess_CanBeSampled()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc is Linux's; the simulator reports "not sampled" elsewhere.
        Assert.True(ProcStat.ReadCpuTicks(Environment.ProcessId) >= 0);
        Assert.True(ProcStat.ReadRssBytes(Environment.ProcessId) > 1 << 20);
    }
}
