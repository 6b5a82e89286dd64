using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ExpenseTracker.Benchmark;

/// <summary>The machine a run was on, as docs/benchmarks.md describes it.</summary>
public static class MachineInfo
{
    /// <summary>The 1, 5 and 15 minute load averages: how busy the shared machine was.</summary>
    public static string LoadAverage() =>
        string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string Describe()
    {
        var cpu = ValueOf("/proc/cpuinfo", "model name", ':') ?? "unknown CPU";
        var memoryKb = ValueOf("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0];
        var memory = long.TryParse(memoryKb, out var kb) ? $"{kb / 1024.0 / 1024.0:F1} GB" : "unknown";
        var os = ValueOf("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} memory, {os}, kernel {Environment.OSVersion.Version}; "
            + $".NET SDK {SdkVersion()}, runtime {RuntimeInformation.FrameworkDescription.Replace(".NET ", "", StringComparison.Ordinal)}";
    }

    private static string? ValueOf(string file, string key, char separator) =>
        File.Exists(file)
            ? File.ReadLines(file)
                .Where(line => line.StartsWith(key, StringComparison.Ordinal) && line.Contains(separator))
                .Select(line => line[(line.IndexOf(separator) + 1)..].Trim())
                .FirstOrDefault()
            : null;

    private static string SdkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
