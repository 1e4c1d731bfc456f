using System.Globalization;

namespace Dispatch.LoadTests.SiloHost;

/// <summary>Reads a process's CPU time and resident memory from Linux's /proc.</summary>
public static class ProcStat
{
    /// <summary>Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on every Linux ABI .NET runs on).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>
    /// utime + stime (fields 14 and 15) from the text of /proc/PID/stat, in ticks. The command name (field 2) is in
    /// parentheses and may hold spaces or parentheses itself, so fields are counted after the last ')'.
    /// </summary>
    public static bool TryParseCpuTicks(string stat, out long ticks)
    {
        ticks = 0;
        var close = stat.LastIndexOf(')');
        if (close < 0) return false;
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        if (fields.Length < 13) return false;
        if (!long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
        {
            return false;
        }
        ticks = user + system;
        return true;
    }

    /// <summary>The parent's pid (field 4) from the text of /proc/PID/stat.</summary>
    public static bool TryParseParentPid(string stat, out int parent)
    {
        parent = 0;
        var close = stat.LastIndexOf(')');
        if (close < 0) return false;
        var fields = stat[(close + 1)..].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out parent);
    }

    /// <summary>VmRSS from the text of /proc/PID/status, in bytes.</summary>
    public static bool TryParseRssBytes(string status, out long bytes)
    {
        bytes = 0;
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var parts = line["VmRSS:".Length..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 1 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb)) return false;
            var unit = parts.Length > 1 ? parts[1] : "kB";
            bytes = unit.Equals("kB", StringComparison.OrdinalIgnoreCase) ? kb * 1024 : kb;
            return true;
        }
        return false;
    }

    /// <summary>CPU ticks of a live process, or null (gone, or not Linux).</summary>
    public static long? ReadCpuTicks(int pid)
    {
        try { return TryParseCpuTicks(File.ReadAllText($"/proc/{pid}/stat"), out var t) ? t : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Resident bytes of a live process, or null (gone, or not Linux).</summary>
    public static long? ReadRssBytes(int pid)
    {
        try { return TryParseRssBytes(File.ReadAllText($"/proc/{pid}/status"), out var b) ? b : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
