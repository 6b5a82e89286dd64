using System.Globalization;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

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

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbUserDataErasureTests(DynamoDbLocal engine) : IDisposable
{
    private readonly DynamoDbAppFactory factory = new(engine.ServiceUrl, engine.TableName);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheErasersTogetherLeaveNothingInTheUsersPartitionEvenWithMoreItemsThanOneBatch()
    {
        var user = factory.DefaultUserId;
        var owned = await factory.AddOneOfEachAsync(user, "Owner");
        var drafts = Enumerable.Range(0, 40)
            .Select(day => StoreTestData.Draft(new DateOnly(2026, 1, 1).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 10, tags: "daily"))
            .ToList();
        await factory.Expenses().AddManyAsync(user, drafts);
        var neighbour = await factory.AddOneOfEachAsync("neighbour-" + Guid.NewGuid().ToString("N"), "Neighbour");
        Assert.True((await PartitionAsync(user)).Count > 100, "more items than four batches of 25");

        foreach (var eraser in factory.Services.GetServices<IUserDataEraser>())
        {
            await eraser.EraseAsync(user);
        }

        Assert.Empty(await PartitionAsync(user));
        Assert.Null(await factory.Services.GetRequiredService<IAccessTokenStore>().FindUserIdAsync(AccessTokens.Hash(owned.TokenSecret)));
        Assert.NotNull(await factory.Services.GetRequiredService<IAccessTokenStore>().FindUserIdAsync(AccessTokens.Hash(neighbour.TokenSecret)));
    }

    private async Task<List<string>> PartitionAsync(string userId)
    {
        var query = new QueryRequest
        {
            TableName = engine.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "USER#" + userId } },
        };
        var sortKeys = new List<string>();
        do
        {
            var response = await engine.Client.QueryAsync(query);
            sortKeys.AddRange((response.Items ?? []).Select(item => item["SK"].S));
            query.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (query.ExclusiveStartKey is { Count: > 0 });

        return sortKeys;
    }
}
