using System.Globalization;

namespace ExpenseTracker.Benchmark;

/// <summary>What one benchmark run does: which stores, which sizes, how much load, and where the results go.</summary>
public sealed record BenchmarkOptions
{
    public static readonly IReadOnlyList<int> DefaultSizes = [1_000, 10_000, 100_000];

    /// <summary>The published app: its executable (apphost) or its .dll.</summary>
    public required string AppPath { get; init; }

    public IReadOnlyList<int> Sizes { get; init; } = DefaultSizes;

    public IReadOnlyList<string> Stores { get; init; } = [SqliteBenchmarkStore.Key];

    /// <summary>Measured requests per request type, after <see cref="Warmup"/> unmeasured ones.</summary>
    public int Requests { get; init; } = 2_000;

    public int Warmup { get; init; } = 200;

    /// <summary>
    /// Reads are also warmed up for at least this long: .NET compiles hot methods again, optimised, only after they
    /// have run a while (tiered compilation), and a few hundred fast requests are over before that happens. Writes
    /// warm up by <see cref="Warmup"/> alone, so that what they add does not change the N the reads are measured at.
    /// </summary>
    public int WarmupSeconds { get; init; } = 5;

    /// <summary>The measured requests are split into this many rounds, interleaved across sizes and request types.</summary>
    public int Rounds { get; init; } = 4;

    /// <summary>Clients sending at the same time; two, the machine's core count, by default.</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>The markdown file whose results section for each store is replaced; null prints the results only.</summary>
    public string? DocPath { get; init; }

    /// <summary>The command line recorded in the results, so a reader can repeat the run.</summary>
    public string Command { get; init; } = "bash scripts/benchmark.sh";

    public const string Usage =
        """
        Usage: ExpenseTracker.Benchmark --app <published app executable or dll> [options]
          --sizes 1000,10000,100000   expenses of the measured user, one run per size
          --stores sqlite             stores to run, comma separated (dynamodb once that store is in the app)
          --requests 2000             measured requests per request type
          --warmup 200                unmeasured requests per request type before those
          --warmup-seconds 5          reads also warm up at least this long (0: by count only)
          --rounds 4                  rounds the measured requests are split into, interleaved across sizes
          --concurrency 2             clients sending at the same time
          --doc docs/benchmarks.md    replace each store's results section in this markdown file
          --command "<text>"          the command line to record with the results
        """;

    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a value that cannot be used.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected an option and its value at '{name}'.");
            }

            values[name[2..]] = args[++i];
        }

        var options = new BenchmarkOptions
        {
            AppPath = Take(values, "app") ?? throw new ArgumentException("--app is required: the published app to start."),
        };
        options = options with
        {
            Sizes = Take(values, "sizes") is { } sizes ? ParseList(sizes, "sizes").Select(size => PositiveNumber(size, "sizes")).ToList() : options.Sizes,
            Stores = Take(values, "stores") is { } stores ? ParseList(stores, "stores").Select(KnownStore).ToList() : options.Stores,
            Requests = Take(values, "requests") is { } requests ? PositiveNumber(requests, "requests") : options.Requests,
            Warmup = Take(values, "warmup") is { } warmup ? PositiveNumber(warmup, "warmup") : options.Warmup,
            WarmupSeconds = Take(values, "warmup-seconds") is { } seconds ? Number(seconds, "warmup-seconds", minimum: 0) : options.WarmupSeconds,
            Rounds = Take(values, "rounds") is { } rounds ? PositiveNumber(rounds, "rounds") : options.Rounds,
            Concurrency = Take(values, "concurrency") is { } concurrency ? PositiveNumber(concurrency, "concurrency") : options.Concurrency,
            DocPath = Take(values, "doc"),
            Command = Take(values, "command") ?? options.Command,
        };
        if (values.Keys.FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        if (options.Rounds > options.Requests)
        {
            throw new ArgumentException($"--rounds ({options.Rounds}) cannot be more than --requests ({options.Requests}).");
        }

        return options;
    }

    private static string? Take(Dictionary<string, string> values, string name) =>
        values.Remove(name, out var value) ? value : null;

    private static string[] ParseList(string text, string option)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new ArgumentException($"--{option} needs at least one value.");
    }

    private static int PositiveNumber(string text, string option) => Number(text, option, minimum: 1);

    private static int Number(string text, string option, int minimum) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new ArgumentException(minimum == 1
                ? $"--{option}: '{text}' is not a whole number above zero."
                : $"--{option}: '{text}' is not a whole number of at least {minimum}.");

    private static string KnownStore(string name) =>
        BenchmarkStores.Names.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--stores: '{name}' is not one of {string.Join(", ", BenchmarkStores.Names)}.");
}
