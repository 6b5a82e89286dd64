using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Expenses;

public sealed class SqliteExpenseStoreTests : ExpenseStoreContract, IDisposable
{
    private readonly SqliteStores sqlite = new();

    public void Dispose() => sqlite.Dispose();

    protected override async Task<IExpenseStore> CreateStoreAsync() => TestStores.Expenses(await sqlite.OpenAsync(), TimeProvider.System);
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbExpenseStoreTests(DynamoDbLocal engine) : ExpenseStoreContract
{
    protected override Task<IExpenseStore> CreateStoreAsync() =>
        Task.FromResult<IExpenseStore>(TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System));
}
