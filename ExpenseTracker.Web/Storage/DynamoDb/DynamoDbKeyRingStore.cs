using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.DataProtection;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// The Data Protection key ring as items of the app's table, in a partition of its own (no user id starts with
/// it, since user partitions are USER#...). Reads are strongly consistent, so a key one instance just created is
/// seen by the next instance that starts.
/// </summary>
public sealed class DynamoDbKeyRingStore(IAmazonDynamoDB client, string tableName, TimeProvider time) : IKeyRingStore
{
    public Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var query = new QueryRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTable.PartitionKey, ["#sk"] = DynamoDbTable.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = S(ItemKeys.KeyRing), [":prefix"] = S(ItemKeys.KeyRingKeyPrefix) },
            };
            var keys = new List<(string CreatedAt, string Name, string Xml)>();
            do
            {
                var response = await client.QueryAsync(query, cancellationToken);
                keys.AddRange((response.Items ?? []).Select(item => (String(item, Attr.CreatedAt), String(item, Attr.Name), String(item, Attr.Xml))));
                query.ExclusiveStartKey = response.LastEvaluatedKey;
            }
            while (query.ExclusiveStartKey is { Count: > 0 });

            // Oldest first, as the SQLite store returns them.
            return (IReadOnlyList<string>)keys
                .OrderBy(key => key.CreatedAt, StringComparer.Ordinal)
                .ThenBy(key => key.Name, StringComparer.Ordinal)
                .Select(key => key.Xml)
                .ToList();
        }, cancellationToken);

    public Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var item = new Dictionary<string, AttributeValue>
            {
                [DynamoDbTable.PartitionKey] = S(ItemKeys.KeyRing),
                [DynamoDbTable.SortKey] = S(ItemKeys.KeyRingKey(name)),
                [Attr.Type] = S("DataProtectionKey"),
                [Attr.Name] = S(name),
                [Attr.Xml] = S(xml),
                [Attr.CreatedAt] = S(ExpenseItems.Now(time)),
            };
            try
            {
                await client.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = tableName,
                        Item = item,
                        ConditionExpression = "attribute_not_exists(#pk)",
                        ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTable.PartitionKey },
                    },
                    cancellationToken);
            }
            catch (ConditionalCheckFailedException)
            {
                // A second write of the same key (a retry) keeps the first: keys never change once written.
            }
        }, cancellationToken);
}
