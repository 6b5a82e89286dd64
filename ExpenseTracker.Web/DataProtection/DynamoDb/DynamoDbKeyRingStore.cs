using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.DataProtection.DynamoDb;

/// <summary>
/// The Data Protection key ring as items of the app's table, in a partition of its own (no user id starts with
/// it, since user partitions are USER#...). Reads are strongly consistent, so a key one instance just created is
/// seen by the next instance that starts.
/// </summary>
public sealed class DynamoDbKeyRingStore(AppTable table, TimeProvider time) : IKeyRingStore
{
    public Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var items = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.KeyRing, ItemKeys.KeyRingKeyPrefix, cancellationToken);
            var keys = items.Select(item => (CreatedAt: String(item, Attr.CreatedAt), Name: String(item, Attr.Name), Xml: String(item, Attr.Xml))).ToList();

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
                [Attr.CreatedAt] = S(Now(time)),
            };
            try
            {
                await table.Client.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = table.Name,
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
