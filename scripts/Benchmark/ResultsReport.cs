using System.Globalization;
using System.Text;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// The markdown of docs/benchmarks.md for one store: machine, command, figures per size, and the targets check.
/// Each store's section sits between its own markers, so a run of one store replaces only that store's figures.
/// </summary>
public static class ResultsReport
{
    public const int SmallSize = 1_000;
    public const int LargeSize = 100_000;
    public const double MaxGrowth = 1.3;
    public const double MaxPageMilliseconds = 10;
    public const double MinPageShareOfTrivial = 0.25;
    public const long MaxPeakWorkingSet = 200L * 1024 * 1024;
    public static readonly TimeSpan MaxSeeding = TimeSpan.FromSeconds(30);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string StartMarker(string store) => $"<!-- benchmark:{store}:start -->";

    public static string EndMarker(string store) => $"<!-- benchmark:{store}:end -->";

    public static string Markdown(StoreResult result, BenchmarkOptions options, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(StartMarker(result.Store));
        text.AppendLine($"### {BenchmarkStores.TitleOf(result.Store)}");
        text.AppendLine();
        text.AppendLine($"Measured {result.StartedAt.ToString("yyyy-MM-dd HH:mm", Invariant)} UTC with `{options.Command}`.");
        text.AppendLine();
        text.AppendLine($"- Machine: {machine}.");
        text.AppendLine($"- Load: {options.Concurrency} clients at a time; per size and request type {options.Warmup:N0} warm-up requests (for reads, repeated for at least {options.WarmupSeconds} s), then {options.Requests:N0} "
            + $"measured ones in {options.Rounds} rounds interleaved across the sizes (reads first, then writes); one app process per size "
            + "(the Release build, Production environment, on a loopback port).");
        text.AppendLine($"- The machine is shared: its load average (1, 5, 15 min) was {result.LoadAverageBefore} before the run and {result.LoadAverageAfter} after it.");
        text.AppendLine($"- Data: N expenses of the measured user over the three years up to today in {11 + Seeder.CustomCategoryNames.Length} categories "
            + $"({Seeder.CustomCategoryNames.Length} of them custom) with up to three of 40 tags, plus N/10 for each of {Seeder.NoiseUsers} other users.");
        text.AppendLine();

        text.AppendLine("| N | Seeding N through AddManyAsync | Other users' expenses, the same way | Store on disk after seeding | App's peak working set (VmHWM) |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var size in result.Sizes)
        {
            var rate = size.Seed.Count / size.Seed.Elapsed.TotalSeconds;
            text.AppendLine($"| {size.Size:N0} | {size.Seed.Elapsed.TotalSeconds:F1} s ({rate:N0}/s) | {size.Seed.NoiseCount:N0} in {size.Seed.NoiseElapsed.TotalSeconds:F1} s "
                + $"| {(size.StoreBytes is { } bytes ? Megabytes(bytes) : "n/a")} | {Megabytes(size.PeakWorkingSet)} |");
        }

        text.AppendLine();
        text.AppendLine("Each cell: p50 / p95 latency in ms · requests per second · CPU time the app process spent per request "
            + "(from /proc/[pid]/stat; it depends far less than latency on what else the shared machine runs)"
            + (result.Sizes[0].Requests[0].EngineCpuMillisecondsPerRequest is null ? "." : " · and the same for the database engine's own process."));
        text.AppendLine();
        text.AppendLine("| Request | " + string.Join(" | ", result.Sizes.Select(size => $"N = {size.Size:N0}")) + " |");
        text.AppendLine("|---|" + string.Concat(result.Sizes.Select(_ => "---:|")));
        foreach (var first in result.Sizes[0].Requests)
        {
            var cells = result.Sizes.Select(size => size.Requests.Single(request => request.Key == first.Key))
                .Select(request => $"{request.P50Milliseconds:F2} / {request.P95Milliseconds:F2} ms · {request.RequestsPerSecond:N0}/s · {request.CpuMillisecondsPerRequest:F2} ms CPU"
                    + (request.EngineCpuMillisecondsPerRequest is { } engine ? $" · engine {engine:F2} ms CPU" : ""));
            text.AppendLine($"| {first.Title} (`{first.Request}`) | {string.Join(" | ", cells)} |");
        }

        var failures = result.Sizes.SelectMany(size => size.Requests.Where(request => request.Errors > 0).Select(request => (size.Size, request))).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Errors:");
            foreach (var (size, request) in failures)
            {
                text.AppendLine($"- N = {size:N0}, {request.Title}: {request.Errors} failed; first: {request.FirstProblem}");
            }
        }

        if (result.Store == SqliteBenchmarkStore.Key)
        {
            text.AppendLine();
            text.Append(TargetsCheck(result));
        }

        text.AppendLine(EndMarker(result.Store));
        return text.ToString();
    }

    /// <summary>The issue's targets for SQLite, each with whether it was met and by how much it was missed.</summary>
    public static string TargetsCheck(StoreResult result)
    {
        var small = result.Sizes.FirstOrDefault(size => size.Size == SmallSize);
        var large = result.Sizes.FirstOrDefault(size => size.Size == LargeSize);
        var text = new StringBuilder();
        text.AppendLine("#### Targets");
        text.AppendLine();
        if (large is null)
        {
            text.AppendLine($"Not checked: the targets are set at N = {LargeSize:N0}, which this run did not include.");
            return text.ToString();
        }

        text.AppendLine("| Target | Measured | Result |");
        text.AppendLine("|---|---|---|");
        if (small is not null)
        {
            foreach (var request in large.Requests.Where(request => request.Key != Scenarios.Trivial))
            {
                var before = small.Requests.Single(other => other.Key == request.Key).P50Milliseconds;
                var growth = request.P50Milliseconds / before;
                text.AppendLine($"| p50 at {LargeSize:N0} ≤ {MaxGrowth}× p50 at {SmallSize:N0}: {request.Title} "
                    + $"| {before:F2} → {request.P50Milliseconds:F2} ms ({growth:F2}×) "
                    + $"| {Verdict(growth <= MaxGrowth, $"{growth:F2}× instead of ≤ {MaxGrowth}×: {request.P50Milliseconds - (before * MaxGrowth):F2} ms too slow")} |");
            }
        }

        var page = large.Requests.Single(request => request.Key == Scenarios.ExpensePage);
        var trivial = large.Requests.Single(request => request.Key == Scenarios.Trivial);
        var share = page.RequestsPerSecond / trivial.RequestsPerSecond;
        text.AppendLine($"| Expense page p50 < {MaxPageMilliseconds} ms at {LargeSize:N0} | {page.P50Milliseconds:F2} ms "
            + $"| {Verdict(page.P50Milliseconds < MaxPageMilliseconds, $"{page.P50Milliseconds - MaxPageMilliseconds:F2} ms over")} |");
        text.AppendLine($"| Expense page throughput ≥ {MinPageShareOfTrivial:P0} of the trivial endpoint's at {LargeSize:N0} "
            + $"| {page.RequestsPerSecond:N0}/s = {share:P0} of {trivial.RequestsPerSecond:N0}/s "
            + $"| {Verdict(share >= MinPageShareOfTrivial, $"{(MinPageShareOfTrivial - share) * 100:F0} points short; needs {trivial.RequestsPerSecond * MinPageShareOfTrivial:N0}/s")} |");
        text.AppendLine($"| Peak working set < {Megabytes(MaxPeakWorkingSet)} at {LargeSize:N0} | {Megabytes(large.PeakWorkingSet)} "
            + $"| {Verdict(large.PeakWorkingSet < MaxPeakWorkingSet, $"{Megabytes(large.PeakWorkingSet - MaxPeakWorkingSet)} over")} |");
        text.AppendLine($"| Seeding {LargeSize:N0} through the batch path < {MaxSeeding.TotalSeconds:F0} s | {large.Seed.Elapsed.TotalSeconds:F1} s "
            + $"| {Verdict(large.Seed.Elapsed < MaxSeeding, $"{(large.Seed.Elapsed - MaxSeeding).TotalSeconds:F1} s over")} |");
        return text.ToString();
    }

    /// <summary>Replaces the store's section of the markdown file between its markers, or appends it when the file has none.</summary>
    public static void WriteInto(string path, string store, string section)
    {
        var document = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = document.IndexOf(StartMarker(store), StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker(store), StringComparison.Ordinal);
        string updated;
        if (start >= 0 && end > start)
        {
            var afterEnd = end + EndMarker(store).Length;
            updated = document[..start] + section.TrimEnd('\n') + document[afterEnd..];
        }
        else
        {
            updated = (document.Length == 0 ? "" : document.TrimEnd('\n') + "\n\n") + section;
        }

        File.WriteAllText(path, updated);
    }

    private static string Verdict(bool met, string miss) => met ? "met" : $"**missed**: {miss}";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
