using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Alerts;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// Reads the alert items the expense writes recorded (<see cref="AlertOutboxItem"/>). There is no outbox to drain
/// here: the table's stream carries each new alert item to the EventBridge Pipe, which emails it.
/// </summary>
public sealed class DynamoDbAlertStore(IAmazonDynamoDB client, string tableName) : IAlertStore
{
    public Task<IReadOnlyList<BudgetAlert>> ListAsync(string userId, int max, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            var items = await client.QueryByPrefixAsync(tableName, ItemKeys.User(userId), AlertOutboxItem.SortKeyPrefix, cancellationToken);
            var alerts = items.Select(ToAlert).ToList();

            // The sort key orders by period, not time: newest first is sorted here, ties as the SQLite store breaks them.
            return (IReadOnlyList<BudgetAlert>)alerts
                .OrderByDescending(alert => alert.CreatedAt)
                .ThenByDescending(alert => alert.Period, StringComparer.Ordinal)
                .ThenByDescending(alert => alert.Level.ToString(), StringComparer.Ordinal)
                .Take(max)
                .ToList();
        }, cancellationToken);

    internal static BudgetAlert ToAlert(Dictionary<string, AttributeValue> item) =>
        AlertOutboxItem.ToAlert(item
            .Where(attribute => attribute.Value.S is not null || attribute.Value.N is not null)
            .ToDictionary(attribute => attribute.Key, attribute => attribute.Value.S ?? attribute.Value.N));

    /// <summary>
    /// The write that records <paramref name="alert"/>: an Update of its deterministic key that only fills what is
    /// missing. It carries no condition, so it can never cancel the expense write it travels with, and a repeat
    /// changes nothing (and so puts nothing on the stream, and sends no second email).
    /// </summary>
    internal static TransactWriteItem Record(string tableName, string userId, BudgetAlert alert)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var assignments = new List<string>();
        Dictionary<string, AttributeValue> key = [];
        foreach (var attribute in AlertOutboxItem.Attributes(userId, alert))
        {
            var value = attribute.Type == ItemAttributeType.N ? new AttributeValue { N = attribute.Value } : S(attribute.Value);
            if (attribute.Name is AlertOutboxItem.PartitionKeyName or AlertOutboxItem.SortKeyName)
            {
                key[attribute.Name] = value;
                continue;
            }

            var placeholder = names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names["#a" + placeholder] = attribute.Name;
            values[":a" + placeholder] = value;
            assignments.Add($"#a{placeholder} = if_not_exists(#a{placeholder}, :a{placeholder})");
        }

        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = tableName,
                Key = key,
                UpdateExpression = "SET " + string.Join(", ", assignments),
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
        };
    }
}
