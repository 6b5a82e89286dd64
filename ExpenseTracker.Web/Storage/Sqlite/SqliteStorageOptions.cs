namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>The "Storage:Sqlite" configuration section.</summary>
public sealed class SqliteStorageOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The database file. Empty means the user's local data folder (~/.local/share/ExpenseTracker on Linux).</summary>
    public string Path { get; set; } = "";

    public string ResolvePath() =>
        Path is { Length: > 0 }
            ? System.IO.Path.GetFullPath(Path)
            : System.IO.Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "ExpenseTracker",
                "expenses.db");
}
