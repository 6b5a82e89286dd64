using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// Requests sent straight to DynamoDB Local with no app in between, with the app's own client settings. In DynamoDB a
/// read by key, or a Query of a bounded key range, costs the same whatever the table holds; how these grow with N is
/// the emulator's own growth, which every request through the app pays as well.
/// </summary>
public abstract class EngineScenario(string key, string title, string request, string serviceUrl, string tableName, string userId)
    : Scenario(key, title, request)
{
    protected AmazonDynamoDBClient Client { get; } = DynamoDbClient.Create(new DynamoDbStorageOptions { ServiceUrl = serviceUrl, TableName = tableName });

    protected string TableName => tableName;

    protected AttributeValue Partition { get; } = new() { S = "USER#" + userId };

    public override Task<Outcome> SendAsync(HttpClient unused, int worker, int iteration, CancellationToken cancellationToken) =>
        SendAsync(cancellationToken);

    protected abstract Task<Outcome> SendAsync(CancellationToken cancellationToken);
}

/// <summary>One strongly consistent GetItem of the measured user's grand total.</summary>
public sealed class EngineGetItemScenario(string serviceUrl, string tableName, string userId)
    : EngineScenario("engine-get", "DynamoDB Local alone, no app: one GetItem by key", "GetItem USER#…/TOTAL", serviceUrl, tableName, userId)
{
    protected override async Task<Outcome> SendAsync(CancellationToken cancellationToken)
    {
        var response = await Client.GetItemAsync(
            new GetItemRequest { TableName = TableName, ConsistentRead = true, Key = new() { ["PK"] = Partition, ["SK"] = new AttributeValue { S = "TOTAL" } } },
            cancellationToken);
        return response.Item is { Count: > 0 } item && item.ContainsKey("ExpenseCount")
            ? new Outcome(item.Count, null)
            : Outcome.Failed("the grand total item was not found");
    }
}

/// <summary>One strongly consistent Query of the measured user's month totals: about 37 small items, a key range of the user's partition.</summary>
public sealed class EngineMonthsQueryScenario(string serviceUrl, string tableName, string userId)
    : EngineScenario("engine-query", "DynamoDB Local alone, no app: one Query of the month totals", "Query USER#… SK BETWEEN MONTH# AND MONTH#~", serviceUrl, tableName, userId)
{
    protected override async Task<Outcome> SendAsync(CancellationToken cancellationToken)
    {
        var response = await Client.QueryAsync(
            new QueryRequest
            {
                TableName = TableName,
                ConsistentRead = true,
                KeyConditionExpression = "PK = :pk AND SK BETWEEN :lower AND :upper",
                ExpressionAttributeValues = new() { [":pk"] = Partition, [":lower"] = new() { S = "MONTH#" }, [":upper"] = new() { S = "MONTH#~" } },
            },
            cancellationToken);
        return response.Items is { Count: >= 12 } items
            ? new Outcome(items.Count, null)
            : Outcome.Failed($"expected a month total for each month of history, got {response.Items?.Count ?? 0}");
    }
}
