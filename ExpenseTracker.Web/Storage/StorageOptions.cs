using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Web.Storage;

public enum StorageProvider
{
    Sqlite,
    DynamoDb,
}

/// <summary>The "Storage" configuration section: which store the app uses and where it is.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public DynamoDbStorageOptions DynamoDb { get; set; } = new();
}

public sealed class SqliteStorageOptions
{
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
