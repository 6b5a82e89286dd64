using System.Diagnostics;
using System.Net;

namespace ExpenseTracker.Benchmark;

/// <summary>Everything measured at one size of one store.</summary>
/// <param name="StoreBytes">What the store holds on disk right after seeding, when it can tell.</param>
/// <param name="PagesWalked">API pages walked to find the deep "Load more" cursor.</param>
public sealed record SizeResult(int Size, SeedResult Seed, long? StoreBytes, IReadOnlyList<LoadResult> Requests, long PeakWorkingSet, int PagesWalked);

/// <param name="LoadAverageBefore">The machine's 1, 5 and 15 minute load averages before the first size was seeded.</param>
public sealed record StoreResult(
    string Store, DateTimeOffset StartedAt, string LoadAverageBefore, string LoadAverageAfter, IReadOnlyList<SizeResult> Sizes);

/// <summary>
/// For each size: a fresh store, seeded through its batch path, and the published app started on it, every request type
/// warmed up. Then the measuring, interleaved so that a busy spell of the shared machine falls on every size alike:
/// in each of a few rounds, each request type is measured against each size's app in turn, reads first, then writes
/// (so that no read sees the expenses the writes add).
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<StoreResult> RunStoreAsync(
        BenchmarkOptions options, string store, ILoadUser user, TextWriter log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = MachineInfo.LoadAverage();
        var runs = new List<SizeRun>();
        try
        {
            foreach (var size in options.Sizes)
            {
                runs.Add(await SizeRun.StartAsync(options, store, size, user, log, cancellationToken));
            }

            var scenarioCount = runs[0].Scenarios.Count;
            var reads = Enumerable.Range(0, scenarioCount).Where(index => !runs[0].Scenarios[index].IsWrite).ToList();
            var writes = Enumerable.Range(0, scenarioCount).Where(index => runs[0].Scenarios[index].IsWrite).ToList();
            foreach (var group in new[] { reads, writes })
            {
                for (var round = 0; round < options.Rounds; round++)
                {
                    var requests = (options.Requests / options.Rounds) + (round < options.Requests % options.Rounds ? 1 : 0);
                    foreach (var index in group)
                    {
                        foreach (var run in runs)
                        {
                            await run.MeasureAsync(index, requests, options.Concurrency, cancellationToken);
                        }
                    }
                }
            }

            var sizes = runs.Select(run => run.Result()).ToList();
            foreach (var size in sizes)
            {
                foreach (var result in size.Requests)
                {
                    log.WriteLine(
                        $"{BenchmarkStores.TitleOf(store)}, N = {size.Size:N0}: {result.Title}: p50 {result.P50Milliseconds:F2} ms, p95 {result.P95Milliseconds:F2} ms, "
                        + $"{result.RequestsPerSecond:F0}/s, app CPU {result.CpuMillisecondsPerRequest:F2} ms/request"
                        + (result.EngineCpuMillisecondsPerRequest is { } engine ? $", engine CPU {engine:F2} ms/request" : "")
                        + (result.Errors > 0 ? $", {result.Errors} errors, first: {result.FirstProblem}" : ""));
                }
            }

            return new StoreResult(store, startedAt, loadBefore, MachineInfo.LoadAverage(), sizes);
        }
        finally
        {
            foreach (var run in runs)
            {
                await run.DisposeAsync();
            }
        }
    }

    /// <summary>One size: its store, its app process, its client, its request types and what they measured so far.</summary>
    private sealed class SizeRun : IAsyncDisposable
    {
        private readonly List<Measurement> measurements;

        private SizeRun(int size, IBenchmarkStore store, SeedResult seed, long? storeBytes, AppProcess app, HttpClient client, IReadOnlyList<Scenario> scenarios)
        {
            Size = size;
            Store = store;
            Seed = seed;
            StoreBytes = storeBytes;
            App = app;
            Client = client;
            Scenarios = scenarios;
            measurements = [.. scenarios.Select(_ => new Measurement())];
        }

        public int Size { get; }

        public IBenchmarkStore Store { get; }

        public SeedResult Seed { get; }

        public long? StoreBytes { get; }

        public AppProcess App { get; }

        public HttpClient Client { get; }

        public IReadOnlyList<Scenario> Scenarios { get; }

        public static async Task<SizeRun> StartAsync(
            BenchmarkOptions options, string storeName, int size, ILoadUser user, TextWriter log, CancellationToken cancellationToken)
        {
            var label = $"{BenchmarkStores.TitleOf(storeName)}, N = {size:N0}";
            var store = await BenchmarkStores.CreateFreshAsync(storeName, cancellationToken);
            AppProcess? app = null;
            HttpClient? client = null;
            try
            {
                var settings = store.Settings.Concat(user.AppSettings).ToDictionary();
                log.WriteLine($"{label}: seeding through the batch path (load average {MachineInfo.LoadAverage()})");
                var seed = await Seeder.SeedAsync(settings, user, size, cancellationToken);
                var storeBytes = store.SizeInBytes();
                log.WriteLine($"{label}: seeded {seed.Count:N0} in {seed.Elapsed.TotalSeconds:F1} s, and {seed.NoiseCount:N0} of other users in {seed.NoiseElapsed.TotalSeconds:F1} s");

                app = await AppProcess.StartAsync(options.AppPath, settings, cancellationToken);
                client = new HttpClient(new SocketsHttpHandler
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

                IReadOnlyList<Scenario> scenarios = [.. Benchmark.Scenarios.For(seed.Today), .. store.EngineScenarios(seed.UserId)];
                var run = new SizeRun(size, store, seed, storeBytes, app, client, scenarios);
                for (var index = 0; index < scenarios.Count; index++)
                {
                    await scenarios[index].PrepareAsync(client, options.Concurrency, cancellationToken);
                    var warmingSince = Stopwatch.StartNew();
                    do
                    {
                        var warmup = await LoadLoop.RunAsync(client, scenarios[index], options.Warmup, options.Concurrency, cancellationToken);
                        run.measurements[index].AddErrors(warmup.Errors, warmup.FirstProblem);
                    }
                    while (!scenarios[index].IsWrite && warmingSince.Elapsed < TimeSpan.FromSeconds(options.WarmupSeconds));
                }

                log.WriteLine($"{label}: the app is up and warmed up");
                return run;
            }
            catch
            {
                client?.Dispose();
                if (app is not null)
                {
                    await app.DisposeAsync();
                }

                await store.DisposeAsync();
                throw;
            }
        }

        public async Task MeasureAsync(int index, int requests, int concurrency, CancellationToken cancellationToken)
        {
            var (cpuBefore, engineCpuBefore) = (App.CpuTime(), Store.EngineCpuTime());
            var measured = await LoadLoop.RunAsync(Client, Scenarios[index], requests, concurrency, cancellationToken);
            measurements[index].Add(measured.Latencies, measured.Elapsed, App.CpuTime() - cpuBefore, Store.EngineCpuTime() - engineCpuBefore, measured.Bytes);
            measurements[index].AddErrors(measured.Errors, measured.FirstProblem);
        }

        public SizeResult Result()
        {
            var requests = Scenarios.Select((scenario, index) => measurements[index].Result(scenario)).ToList();
            var pagesWalked = Scenarios.OfType<DeepRowsScenario>().Sum(scenario => scenario.PagesWalked);
            return new SizeResult(Size, Seed, StoreBytes, requests, App.PeakWorkingSet(), pagesWalked);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
            await Store.DisposeAsync();
        }
    }

    /// <summary>What the measured requests of one request type at one size added up to, over the rounds.</summary>
    private sealed class Measurement
    {
        private readonly List<double> latencies = [];
        private TimeSpan elapsed;
        private TimeSpan cpu;
        private TimeSpan? engineCpu;
        private long bytes;
        private int errors;
        private string? firstProblem;

        public void Add(double[] roundLatencies, TimeSpan roundElapsed, TimeSpan roundCpu, TimeSpan? roundEngineCpu, long roundBytes)
        {
            latencies.AddRange(roundLatencies);
            elapsed += roundElapsed;
            cpu += roundCpu;
            engineCpu = roundEngineCpu is { } engine ? (engineCpu ?? TimeSpan.Zero) + engine : engineCpu;
            bytes += roundBytes;
        }

        public void AddErrors(int count, string? problem)
        {
            errors += count;
            firstProblem ??= problem;
        }

        public LoadResult Result(Scenario scenario)
        {
            var all = latencies.ToArray();
            return new LoadResult(
                scenario.Key,
                scenario.Title,
                scenario.Request,
                all.Length,
                errors,
                firstProblem,
                LoadLoop.Percentile(all, 50),
                LoadLoop.Percentile(all, 95),
                all.Length / elapsed.TotalSeconds,
                cpu.TotalMilliseconds / all.Length,
                bytes / all.Length,
                engineCpu?.TotalMilliseconds / all.Length);
        }
    }
}
