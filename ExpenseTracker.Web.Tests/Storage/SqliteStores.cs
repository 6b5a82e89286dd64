using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>A real SQLite file in a temporary folder, migrated like the app does it, deleted on dispose.</summary>
public sealed class SqliteStores : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("expense-store-tests-").FullName;

    public SqliteDatabase Database { get; private set; } = null!;

    public async Task<SqliteDatabase> OpenAsync()
    {
        Database = new SqliteDatabase(Path.Combine(folder, "expenses.db"));
        await SqliteSchema.MigrateAsync(Database);
        return Database;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
