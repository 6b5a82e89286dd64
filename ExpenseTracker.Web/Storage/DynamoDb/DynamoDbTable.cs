using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// The one definition of the table: its keys, its index and its stream. The test fixture and
/// <see cref="DynamoDbStorageOptions.CreateTableIfMissing"/> create the table from here; template.yaml mirrors it
/// (README, "DynamoDB table design"). Item layouts are in <see cref="ItemKeys"/>.
/// </summary>
public static class DynamoDbTable
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";

    /// <summary>A local index over the same partition: only expenses carry its sort key, so it lists them by date.</summary>
    public const string ByDateIndex = "LSI1";
    public const string ByDateSortKey = "LSI1SK";

    public static CreateTableRequest Definition(string tableName) => new()
    {
        TableName = tableName,
        // A personal tracker's traffic is small and spiky; on-demand costs nothing while idle.
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SortKey, ScalarAttributeType.S),
            new AttributeDefinition(ByDateSortKey, ScalarAttributeType.S),
        ],
        KeySchema = [new KeySchemaElement(PartitionKey, KeyType.HASH), new KeySchemaElement(SortKey, KeyType.RANGE)],
        LocalSecondaryIndexes =
        [
            new LocalSecondaryIndex
            {
                IndexName = ByDateIndex,
                KeySchema = [new KeySchemaElement(PartitionKey, KeyType.HASH), new KeySchemaElement(ByDateSortKey, KeyType.RANGE)],
                // A local index (unlike a global one) can be read with strong consistency: a just-added expense is
                // in the very next list. ALL saves a second read per listed item.
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
        // The alert outbox: the EventBridge Pipe emails each inserted alert item from its new image. Alerts are
        // decided inside the writes, so nothing reads old images, and records stay half the size without them.
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE },
    };

    /// <summary>Creates the table when it does not exist and waits until it takes writes.</summary>
    public static async Task CreateIfMissingAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.CreateTableAsync(Definition(tableName), cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // It exists already (or another starter is creating it); either way we wait for it below.
        }

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var description = await client.DescribeTableAsync(tableName, cancellationToken);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"DynamoDB table {tableName} is still {description.Table.TableStatus} after two minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
