using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Accounts;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// Erases one store's items from a user's partition: the items whose sort key starts with one of its prefixes.
/// Deleting what is already gone is no error, so an erasure stopped halfway can simply run again.
/// </summary>
public sealed class DynamoDbUserDataEraser(IAmazonDynamoDB client, string tableName, params string[] sortKeyPrefixes) : IUserDataEraser
{
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            // One Query over the partition, keys only, rather than one per prefix.
            var query = new QueryRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :pk",
                ProjectionExpression = "#pk, #sk",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTable.PartitionKey, ["#sk"] = DynamoDbTable.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = S(ItemKeys.User(userId)) },
            };
            var keys = new List<Dictionary<string, AttributeValue>>();
            do
            {
                var response = await client.QueryAsync(query, cancellationToken);
                keys.AddRange((response.Items ?? []).Where(item =>
                    sortKeyPrefixes.Any(prefix => String(item, DynamoDbTable.SortKey).StartsWith(prefix, StringComparison.Ordinal))));
                query.ExclusiveStartKey = response.LastEvaluatedKey;
            }
            while (query.ExclusiveStartKey is { Count: > 0 });

            await DynamoDbErasure.DeleteAsync(client, tableName, keys, cancellationToken);
        }, cancellationToken);
}

internal static class DynamoDbErasure
{
    // BatchWriteItem takes at most 25 requests.
    private const int BatchSize = 25;
    private const int Attempts = 5;

    /// <summary>Deletes the items with these keys, 25 to a BatchWriteItem, asking again for those DynamoDB leaves unprocessed.</summary>
    public static async Task DeleteAsync(
        IAmazonDynamoDB client, string tableName, IEnumerable<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            var request = new Dictionary<string, List<WriteRequest>>
            {
                [tableName] = chunk.Select(key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } }).ToList(),
            };
            for (var attempt = 1; ; attempt++)
            {
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = request }, cancellationToken);
                if (response.UnprocessedItems is not { Count: > 0 } unprocessed)
                {
                    break;
                }

                if (attempt == Attempts)
                {
                    throw new StoreUnavailableException(DynamoDbCalls.UnavailableMessage);
                }

                request = unprocessed;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40 << attempt)), cancellationToken);
            }
        }
    }
}
