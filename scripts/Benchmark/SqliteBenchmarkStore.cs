using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Benchmark;

/// <summary>A new database file in a temporary folder of its own, deleted after the run.</summary>
public sealed class SqliteBenchmarkStore : IBenchmarkStore
{
    public const string Key = "sqlite";

    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-benchmark-").FullName;

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = DatabasePath,
    };

    private string DatabasePath => Path.Combine(folder, "expenses.db");

    /// <summary>The database file and its write-ahead log.</summary>
    public long? SizeInBytes() =>
        Directory.GetFiles(folder, "expenses.db*").Sum(file => new FileInfo(file).Length);

    /// <summary>SQLite is a library inside the app process: its work is in the app's CPU time.</summary>
    public TimeSpan? EngineCpuTime() => null;

    public IReadOnlyList<Scenario> EngineScenarios(string userId) => [];

    public ValueTask DisposeAsync()
    {
        // The seeder's pooled connections would otherwise keep the files open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
