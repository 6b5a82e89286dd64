namespace ExpenseTracker.Benchmark;

/// <summary>The command line: runs the benchmark, prints each result as it comes, and writes the markdown.</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["import-export", .. var rest])
        {
            return await ImportExportBenchmark.MainAsync(rest, CancellationToken.None);
        }

        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException invalid)
        {
            await Console.Error.WriteLineAsync($"{invalid.Message}\n\n{BenchmarkOptions.Usage}");
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            press.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            var sections = await RunAsync(options, new AccountLoadUser(), Console.Out, cancellation.Token);
            foreach (var section in sections)
            {
                Console.WriteLine();
                Console.WriteLine(section);
            }

            return 0;
        }
        catch (Exception failure) when (failure is InvalidOperationException or IOException or TimeoutException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"The benchmark failed: {failure.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Runs every store and size; writes each store's section into the document (when one is given) as soon as that
    /// store is done, so a later store's failure keeps it; returns the sections.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(BenchmarkOptions options, ILoadUser user, TextWriter log, CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Describe();
        var sections = new List<string>();
        foreach (var store in options.Stores)
        {
            var result = await BenchmarkRunner.RunStoreAsync(options, store, user, log, cancellationToken);
            var section = ResultsReport.Markdown(result, options, machine);
            if (options.DocPath is { } doc)
            {
                ResultsReport.WriteInto(doc, store, section);
            }

            sections.Add(section);
        }

        return sections;
    }
}
