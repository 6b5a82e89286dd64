using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// One strongly consistent GetItem of the measured user's grand total, sent straight to DynamoDB Local with no app in
/// between. In DynamoDB a read by key costs the same whatever the table holds; how this grows with N is the emulator's
/// own growth, which every request through the app pays as well.
/// </summary>
public sealed class EngineGetItemScenario(string serviceUrl, string tableName, string userId)
    : Scenario("engine-get", "DynamoDB Local alone, no app: one GetItem by key", "GetItem USER#…/TOTAL")
{
    // The app's own client settings, so that only the app itself is missing from this request's path.
    private readonly AmazonDynamoDBClient client = DynamoDbClient.Create(new DynamoDbStorageOptions { ServiceUrl = serviceUrl, TableName = tableName });

    public override async Task<Outcome> SendAsync(HttpClient unused, int worker, int iteration, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(
            new GetItemRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                Key = new() { ["PK"] = new AttributeValue { S = "USER#" + userId }, ["SK"] = new AttributeValue { S = "TOTAL" } },
            },
            cancellationToken);
        return response.Item is { Count: > 0 } item && item.ContainsKey("ExpenseCount")
            ? new Outcome(item.Count, null)
            : Outcome.Failed("the grand total item was not found");
    }
}
