using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>The app's one DynamoDB table and the client that reaches it: what every DynamoDB store is built on.</summary>
public sealed record AppTable(IAmazonDynamoDB Client, string Name)
{
    /// <summary>A Put of a new item, for a transaction: it fails (and with it the transaction) if the key is taken.</summary>
    public Put PutNew(Dictionary<string, AttributeValue> item) => new()
    {
        TableName = Name,
        Item = item,
        ConditionExpression = "attribute_not_exists(#pk)",
        ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTable.PartitionKey },
    };

    /// <summary>A Put, for a transaction, that replaces an item only while its <paramref name="attribute"/> still holds <paramref name="expected"/>.</summary>
    public Put PutIf(Dictionary<string, AttributeValue> item, string attribute, AttributeValue expected) => new()
    {
        TableName = Name,
        Item = item,
        ConditionExpression = "#expected = :expected",
        ExpressionAttributeNames = new() { ["#expected"] = attribute },
        ExpressionAttributeValues = new() { [":expected"] = expected },
    };

    /// <summary>A Delete, for a transaction, of an item only while its <paramref name="attribute"/> still holds <paramref name="expected"/>.</summary>
    public Delete DeleteIf(Dictionary<string, AttributeValue> key, string attribute, AttributeValue expected) => new()
    {
        TableName = Name,
        Key = key,
        ConditionExpression = "#expected = :expected",
        ExpressionAttributeNames = new() { ["#expected"] = attribute },
        ExpressionAttributeValues = new() { [":expected"] = expected },
    };
}
