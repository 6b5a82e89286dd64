using Amazon.DynamoDBv2.Model;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// How every DynamoDB store erases a user's data: it names the sort key prefixes of the items it writes in the user's
/// partition, and these are deleted, 25 to a BatchWriteItem. Deleting what is already gone is no error, so an erasure
/// stopped halfway can simply run again.
/// </summary>
internal static class DynamoDbErasure
{
    // BatchWriteItem takes at most 25 requests.
    private const int BatchSize = 25;
    private const int Attempts = 5;

    /// <summary>Deletes the user's items whose sort key starts with one of <paramref name="sortKeyPrefixes"/>.</summary>
    public static Task EraseUserItemsAsync(this AppTable table, string userId, IReadOnlyList<string> sortKeyPrefixes, CancellationToken cancellationToken) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            foreach (var prefix in sortKeyPrefixes)
            {
                var items = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), prefix, cancellationToken, keysOnly: true);
                await table.DeleteAsync(items, cancellationToken);
            }
        }, cancellationToken);

    /// <summary>Deletes the items with these keys, asking again for those DynamoDB leaves unprocessed.</summary>
    public static async Task DeleteAsync(this AppTable table, IEnumerable<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            var request = new Dictionary<string, List<WriteRequest>>
            {
                [table.Name] = chunk.Select(key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = KeyOf(key) } }).ToList(),
            };
            for (var attempt = 1; ; attempt++)
            {
                var response = await table.Client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = request }, cancellationToken);
                if (response.UnprocessedItems is not { Count: > 0 } unprocessed)
                {
                    break;
                }

                if (attempt == Attempts)
                {
                    // Items left unwritten are throttling: the store answers, but not to this much at once.
                    throw new StoreBusyException(DynamoDbCalls.BusyMessage);
                }

                request = unprocessed;
                await Task.Delay(DynamoDbCalls.Backoff(attempt), cancellationToken);
            }
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item) => new()
    {
        [DynamoDbTable.PartitionKey] = item[DynamoDbTable.PartitionKey],
        [DynamoDbTable.SortKey] = item[DynamoDbTable.SortKey],
    };
}
