namespace ExpenseTracker.Benchmark;

/// <summary>
/// A fresh, empty store for one run, and the app settings that point the app at it. The store is chosen only through
/// these settings: the seeder hands them to the app's own AddStorage, and the app process gets them as environment variables.
/// </summary>
public interface IBenchmarkStore : IAsyncDisposable
{
    /// <summary>Configuration keys (Storage:Provider, ...) and their values.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>What the store holds on disk after seeding, for the report; null when the store cannot tell.</summary>
    long? SizeInBytes();

    /// <summary>CPU time a database engine of its own (another process) has used so far; null when the store runs inside the app.</summary>
    TimeSpan? EngineCpuTime();

    /// <summary>Requests straight to a database engine of its own, no app in between: how the engine alone grows with N.</summary>
    IReadOnlyList<Scenario> EngineScenarios(string userId);
}

/// <summary>The stores the benchmark can run against, by the name --stores takes.</summary>
public static class BenchmarkStores
{
    public static IReadOnlyList<string> Names { get; } = [SqliteBenchmarkStore.Key, DynamoDbLocalBenchmarkStore.Key];

    public static string TitleOf(string name) => name switch
    {
        SqliteBenchmarkStore.Key => "SQLite",
        DynamoDbLocalBenchmarkStore.Key => "DynamoDB Local",
        _ => name,
    };

    public static async Task<IBenchmarkStore> CreateFreshAsync(string name, CancellationToken cancellationToken) => name switch
    {
        SqliteBenchmarkStore.Key => new SqliteBenchmarkStore(),
        DynamoDbLocalBenchmarkStore.Key => await DynamoDbLocalBenchmarkStore.StartAsync(cancellationToken),
        _ => throw new ArgumentException($"There is no store called '{name}'."),
    };
}
