using System.Net;

namespace ExpenseTracker.Benchmark;

/// <summary>Everything measured at one size of one store.</summary>
/// <param name="StoreBytes">What the store holds on disk after the run, when it can tell.</param>
/// <param name="PagesWalked">API pages walked to find the deep "Load more" cursor.</param>
public sealed record SizeResult(
    int Size, SeedResult Seed, long? StoreBytes, IReadOnlyList<LoadResult> Requests, long PeakWorkingSet,
    string LoadAverageBefore, string LoadAverageAfter, int PagesWalked);

public sealed record StoreResult(string Store, DateTimeOffset StartedAt, IReadOnlyList<SizeResult> Sizes);

/// <summary>
/// For each store and size: a fresh store, seeded through its batch path; the published app started on it; every
/// request type warmed up, then measured, one after the other, against that one app process.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<StoreResult> RunStoreAsync(
        BenchmarkOptions options, string store, ILoadUser user, TextWriter log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var sizes = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            sizes.Add(await RunSizeAsync(options, store, size, user, log, cancellationToken));
        }

        return new StoreResult(store, startedAt, sizes);
    }

    private static async Task<SizeResult> RunSizeAsync(
        BenchmarkOptions options, string storeName, int size, ILoadUser user, TextWriter log, CancellationToken cancellationToken)
    {
        var label = $"{BenchmarkStores.TitleOf(storeName)}, N = {size:N0}";
        var loadBefore = MachineInfo.LoadAverage();
        await using var store = await BenchmarkStores.CreateFreshAsync(storeName, cancellationToken);
        var settings = store.Settings.Concat(user.AppSettings).ToDictionary();

        log.WriteLine($"{label}: seeding through the batch path (load average {loadBefore})");
        var seed = await Seeder.SeedAsync(settings, user, size, cancellationToken);
        log.WriteLine($"{label}: seeded {seed.Count:N0} in {seed.Elapsed.TotalSeconds:F1} s, and {seed.NoiseCount:N0} of other users in {seed.NoiseElapsed.TotalSeconds:F1} s");

        await using var app = await AppProcess.StartAsync(options.AppPath, settings, cancellationToken);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = false,
            // Kept, so that a sign-in cookie (once accounts exist) rides along on every request.
            CookieContainer = new CookieContainer(),
        })
        {
            BaseAddress = app.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        await user.AuthenticateAsync(client, cancellationToken);

        var requests = new List<LoadResult>();
        var pagesWalked = 0;
        foreach (var scenario in Scenarios.For(seed.Today))
        {
            await scenario.PrepareAsync(client, options.Concurrency, cancellationToken);
            pagesWalked += scenario is DeepRowsScenario deep ? deep.PagesWalked : 0;
            var warmup = await LoadLoop.RunAsync(client, scenario, options.Warmup, options.Concurrency, cancellationToken);
            var cpuBefore = app.CpuTime();
            var measured = await LoadLoop.RunAsync(client, scenario, options.Requests, options.Concurrency, cancellationToken);
            var cpu = app.CpuTime() - cpuBefore;
            var result = new LoadResult(
                scenario.Key,
                scenario.Title,
                scenario.Request,
                options.Requests,
                warmup.Errors + measured.Errors,
                warmup.FirstProblem ?? measured.FirstProblem,
                LoadLoop.Percentile(measured.Latencies, 50),
                LoadLoop.Percentile(measured.Latencies, 95),
                options.Requests / measured.Elapsed.TotalSeconds,
                cpu.TotalMilliseconds / options.Requests,
                measured.Bytes / options.Requests,
                app.PeakWorkingSet());
            requests.Add(result);
            log.WriteLine(
                $"{label}: {scenario.Title}: p50 {result.P50Milliseconds:F2} ms, p95 {result.P95Milliseconds:F2} ms, {result.RequestsPerSecond:F0}/s, app CPU {result.CpuMillisecondsPerRequest:F2} ms/request"
                + (result.Errors > 0 ? $", {result.Errors} errors, first: {result.FirstProblem}" : ""));
        }

        var peak = app.PeakWorkingSet();
        return new SizeResult(size, seed, store.SizeInBytes(), requests, peak, loadBefore, MachineInfo.LoadAverage(), pagesWalked);
    }
}
