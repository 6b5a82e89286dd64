using ExpenseTracker.Benchmark;
using ExpenseTracker.Web.Tests.Deployment;

namespace ExpenseTracker.Web.Tests.Benchmarks;

/// <summary>
/// The benchmark's own code run small (N = 200, few requests, on SQLite and on DynamoDB Local) against the published
/// app, so that it cannot rot between real runs. It checks that every request type ran and answered sensibly, never how fast.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class BenchmarkSmokeTests(PublishedApp app) : IDisposable
{
    private const int Size = 200;
    private const int Requests = 20;

    private static readonly string[] RequestKeys = ["trivial", "page", "load-more", "filtered", "by-category", "by-day", "by-month", "add", "edit"];

    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-benchmark-smoke-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ASmallRunMeasuresEveryRequestWithoutErrorsAndWritesItsSectionIntoTheDocument()
    {
        var doc = Path.Combine(folder, "benchmarks.md");
        await File.WriteAllTextAsync(doc, "# Benchmarks\n\nWritten by hand, kept by every run.\n");
        var options = SmallRun(SqliteBenchmarkStore.Key);

        var result = await BenchmarkRunner.RunStoreAsync(options, SqliteBenchmarkStore.Key, new AccountLoadUser(), new StringWriter(), CancellationToken.None);
        var section = ResultsReport.Markdown(result, options, MachineInfo.Describe());
        // A second run replaces the store's section rather than adding another.
        ResultsReport.WriteInto(doc, SqliteBenchmarkStore.Key, section);
        ResultsReport.WriteInto(doc, SqliteBenchmarkStore.Key, section);

        var size = Assert.Single(result.Sizes);
        Assert.Equal(Size, size.Seed.Count);
        Assert.Equal(Size / 10 * Seeder.NoiseUsers, size.Seed.NoiseCount);
        Assert.True(size.Seed.Elapsed > TimeSpan.Zero);
        Assert.True(size.PagesWalked >= 1, "the deep cursor comes from walking the list");
        Assert.InRange(size.PeakWorkingSet, 10L * 1024 * 1024, 4L * 1024 * 1024 * 1024);
        Assert.True(size.StoreBytes > 0);
        Assert.Equal(RequestKeys, size.Requests.Select(request => request.Key));
        AssertEveryRequestMeasured(size);
        Assert.All(size.Requests, request => Assert.Null(request.EngineCpuMillisecondsPerRequest));

        var written = await File.ReadAllTextAsync(doc);
        Assert.StartsWith("# Benchmarks\n\nWritten by hand, kept by every run.\n", written);
        Assert.Single(ResultsReportMarkers(written));
        Assert.Contains("`smoke test`", written);
        Assert.All(size.Requests, request => Assert.Contains(request.Title, written));
    }

    [Fact]
    public async Task ASmallDynamoDbLocalRunAlsoMeasuresTheEngineAloneAndItsCpuTime()
    {
        var options = SmallRun(DynamoDbLocalBenchmarkStore.Key);

        var result = await BenchmarkRunner.RunStoreAsync(options, DynamoDbLocalBenchmarkStore.Key, new AccountLoadUser(), new StringWriter(), CancellationToken.None);

        var size = Assert.Single(result.Sizes);
        Assert.Equal(Size, size.Seed.Count);
        Assert.Null(size.StoreBytes);
        Assert.Equal([.. RequestKeys, "engine-get", "engine-query"], size.Requests.Select(request => request.Key));
        AssertEveryRequestMeasured(size);
        // The engine works for every request that reaches the store (its clock ticks are 10 ms, so summed over the run).
        Assert.True(size.Requests.Sum(request => request.EngineCpuMillisecondsPerRequest!.Value) > 0);
        Assert.Contains("engine", ResultsReport.Markdown(result, options, MachineInfo.Describe()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASmallImportAndExportRunStoresTheStatementAndWritesItsSection()
    {
        var doc = Path.Combine(folder, "benchmarks.md");

        var exit = await ImportExportBenchmark.MainAsync(["--app", app.Executable, "--rows", "200", "--export", "200", "--doc", doc], CancellationToken.None);

        Assert.Equal(0, exit);
        var written = await File.ReadAllTextAsync(doc);
        Assert.Contains("(190 stored)", written);
        Assert.Contains("| CSV export of 200 expenses | SQLite |", written);
    }

    private BenchmarkOptions SmallRun(string store) => new()
    {
        AppPath = app.Executable,
        Sizes = [Size],
        Stores = [store],
        Requests = Requests,
        Warmup = 5,
        WarmupSeconds = 1,
        Rounds = 2,
        Concurrency = 2,
        Command = "smoke test",
    };

    private static void AssertEveryRequestMeasured(SizeResult size) =>
        Assert.All(size.Requests, request =>
        {
            Assert.True(request.Errors == 0, $"{request.Title}: {request.Errors} errors, first: {request.FirstProblem}");
            Assert.Equal(Requests, request.Requests);
            Assert.True(request.P50Milliseconds > 0, request.Title);
            Assert.True(request.P95Milliseconds >= request.P50Milliseconds, request.Title);
            Assert.True(request.RequestsPerSecond > 0, request.Title);
            Assert.True(request.AverageBytes > 0, request.Title);
        });

    private static IEnumerable<int> ResultsReportMarkers(string text)
    {
        var marker = ResultsReport.StartMarker(SqliteBenchmarkStore.Key);
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
