using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Categories.DynamoDb;
using ExpenseTracker.Web.Categories.Sqlite;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Categories;

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

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbCategoryStoreTests(DynamoDbLocal engine) : CategoryStoreContract
{
    protected override Task<(ICategoryStore Categories, IExpenseStore Expenses)> CreateStoresAsync() =>
        Task.FromResult<(ICategoryStore, IExpenseStore)>(
            (new DynamoDbCategoryStore(new AppTable(engine.Client, engine.TableName)), TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System)));
}
