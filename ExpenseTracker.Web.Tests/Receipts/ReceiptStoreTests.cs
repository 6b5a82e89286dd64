using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Receipts.DynamoDb;
using ExpenseTracker.Web.Receipts.Sqlite;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Receipts;

public sealed class SqliteReceiptStoreTests : ReceiptStoreContract, IDisposable
{
    private readonly SqliteStores sqlite = new();

    public void Dispose() => sqlite.Dispose();

    protected override async Task<IReceiptStore> CreateStoreAsync() => new SqliteReceiptStore(await sqlite.OpenAsync());
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbReceiptStoreTests(DynamoDbLocal engine) : ReceiptStoreContract
{
    protected override Task<IReceiptStore> CreateStoreAsync() =>
        Task.FromResult<IReceiptStore>(new DynamoDbReceiptStore(new AppTable(engine.Client, engine.TableName)));
}
