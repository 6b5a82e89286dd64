using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Accounts;

/// <summary>
/// The account contracts on DynamoDB Local. Each test gets a table of its own: the contracts check "no account yet"
/// and first-user-only registration, which a table shared with other tests could never show.
/// </summary>
internal static class DynamoDbAccountApps
{
    public static ExpenseTrackerFactory Create(DynamoDbLocal engine) =>
        new DynamoDbAppFactory(engine.ServiceUrl, "Accounts-" + Guid.NewGuid().ToString("N"), createTable: true);
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbAccountStoreTests(DynamoDbLocal engine) : AccountStoreContract
{
    protected override ExpenseTrackerFactory CreateFactory() => DynamoDbAccountApps.Create(engine);
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbAccessTokenStoreTests(DynamoDbLocal engine) : AccessTokenStoreContract
{
    protected override ExpenseTrackerFactory CreateFactory() => DynamoDbAccountApps.Create(engine);
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbAccountDeletionTests(DynamoDbLocal engine) : AccountDeletionContract
{
    protected override ExpenseTrackerFactory CreateFactory() => DynamoDbAccountApps.Create(engine);
}
