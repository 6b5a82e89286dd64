using System.Globalization;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// CPU time a process has used so far, user and system (fields 14 and 15 of /proc/[pid]/stat, in clock ticks of
/// 1/100 s on Linux). Unlike latency it hardly depends on what else the shared machine is doing.
/// </summary>
public static class ProcessCpu
{
    public static TimeSpan Of(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
