using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.Sqlite;
using ExpenseTracker.Web.Categories.Sqlite;

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

public sealed class SqliteExpenseStoreTests : ExpenseStoreContract, IDisposable
{
    private readonly SqliteStores sqlite = new();

    public void Dispose() => sqlite.Dispose();

    protected override async Task<IExpenseStore> CreateStoreAsync() => TestStores.Expenses(await sqlite.OpenAsync(), TimeProvider.System);
}

public sealed class SqliteCategoryStoreTests : CategoryStoreContract, IDisposable
{
    private readonly SqliteStores sqlite = new();

    public void Dispose() => sqlite.Dispose();

    protected override async Task<(ICategoryStore Categories, IExpenseStore Expenses)> CreateStoresAsync()
    {
        var database = await sqlite.OpenAsync();
        return (new SqliteCategoryStore(database), TestStores.Expenses(database, TimeProvider.System));
    }
}
