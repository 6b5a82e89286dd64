using System.Diagnostics;
using System.Globalization;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// The published app as a process of its own on a loopback port, in the Production environment, configured only by
/// environment variables. Stopped on dispose.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly OutputTail output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        output.Follow(process);
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts the app and waits until /healthz answers 200, which means its store is ready.</summary>
    public static async Task<AppProcess> StartAsync(string appPath, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(appPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The published app is not at {fullPath}; publish it first (scripts/benchmark.sh does).");
        }

        var isDll = fullPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? "dotnet" : fullPath)
        {
            WorkingDirectory = Path.GetDirectoryName(fullPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (isDll)
        {
            start.ArgumentList.Add(fullPath);
        }

        // Only what the benchmark decides reaches the app, not settings the caller's shell happens to hold.
        foreach (var inherited in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        // The measured requests are pages and JSON; in AWS a CDN serves CSS and JavaScript, so the app needs no asset folder.
        start.Environment["StaticAssets__Serve"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException($"{fullPath} did not start."), address);
        try
        {
            await app.WaitUntilReadyAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The most memory the process has held at any moment since it started (VmHWM), in bytes.</summary>
    public long PeakWorkingSet()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU time the app process has used so far.</summary>
    public TimeSpan CpuTime() => ProcessCpu.Of(process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static bool IsAppSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || name.Contains("__", StringComparison.Ordinal);

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped at start-up (exit code {process.ExitCode}):\n{output}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // That attempt timed out; the app may still be starting.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The app did not report healthy within 90 s:\n{output}");
    }
}
