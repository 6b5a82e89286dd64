using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Categories.DynamoDb;

namespace ExpenseTracker.Web.Tests.Storage;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbExpenseStoreTests(DynamoDbLocal engine) : ExpenseStoreContract
{
    protected override Task<IExpenseStore> CreateStoreAsync() =>
        Task.FromResult<IExpenseStore>(TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System));
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbCategoryStoreTests(DynamoDbLocal engine) : CategoryStoreContract
{
    protected override Task<(ICategoryStore Categories, IExpenseStore Expenses)> CreateStoresAsync() =>
        Task.FromResult<(ICategoryStore, IExpenseStore)>(
            (new DynamoDbCategoryStore(new AppTable(engine.Client, engine.TableName)), TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System)));
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbRangeTotalsTests(DynamoDbLocal engine) : RangeTotalsContract
{
    protected override Task<IExpenseStore> CreateStoreAsync() =>
        Task.FromResult<IExpenseStore>(TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System));
}
