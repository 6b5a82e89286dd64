using ExpenseTracker.Web.DataProtection;
using ExpenseTracker.Web.DataProtection.DynamoDb;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.DataProtection;

/// <summary>The key ring in DynamoDB Local. The ring has one partition per table, so each test gets a table of its own.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbKeyRingStoreTests(DynamoDbLocal engine) : KeyRingStoreContract
{
    private readonly string tableName = "KeyRing-" + Guid.NewGuid().ToString("N");
    private readonly List<Amazon.DynamoDBv2.IAmazonDynamoDB> clients = [];

    protected override async Task<IKeyRingStore> CreateStoreAsync()
    {
        await DynamoDbTable.CreateIfMissingAsync(engine.Client, tableName);
        return new DynamoDbKeyRingStore(new AppTable(engine.Client, tableName), TimeProvider.System);
    }

    protected override IKeyRingStore OpenSameStorageAgain()
    {
        // Another instance has a client of its own.
        var client = engine.CreateClient(_ => { });
        clients.Add(client);
        return new DynamoDbKeyRingStore(new AppTable(client, tableName), TimeProvider.System);
    }

    public override async Task DisposeAsync()
    {
        clients.ForEach(client => client.Dispose());
        await engine.Client.DeleteTableAsync(tableName);
    }
}
