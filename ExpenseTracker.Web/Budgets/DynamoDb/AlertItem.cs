using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Budgets.DynamoDb;

/// <summary>
/// A budget alert as an item of the table, where the item is also the outbox message: the table's stream carries every
/// newly inserted alert item to the EventBridge Pipe of <see cref="AlertPipe"/>, which filters on <see cref="TypeValue"/>
/// and the ALERT# sort keys and sends the item's Message to the SNS topic. The Pipe's pattern is tested against this shape.
/// </summary>
internal static class AlertItem
{
    /// <summary>The Type of an alert item (other items are expenses, totals...); the Pipe's filter matches it.</summary>
    public const string TypeValue = "BudgetAlert";

    /// <summary>Deterministic, so that an alert already recorded is the same item: ALERT#2026-11#Exceeded#1000000#100.</summary>
    public static string SortKey(BudgetAlert alert) => ItemKeys.AlertPrefix + alert.Key;

    public static Dictionary<string, AttributeValue> ToItem(string userId, BudgetAlert alert)
    {
        var item = Key(userId, SortKey(alert));
        item[Attr.Type] = S(TypeValue);
        item[Attr.UserId] = S(userId);
        // "2026-11", or "all" for an all-time budget.
        item[Attr.Period] = S(alert.Period);
        item[Attr.Level] = S(alert.Level.ToString());
        item[Attr.BudgetPaise] = N(alert.Budget.Paise);
        item[Attr.Percent] = N(alert.Percent);
        item[Attr.ThresholdPaise] = N(alert.Threshold.Paise);
        item[Attr.TotalPaise] = N(alert.Total.Paise);
        item[Attr.CreatedAt] = S(alert.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        // The sentence the email carries, formatted in rupees by the app (the Pipe cannot format numbers).
        item[Attr.Message] = S(alert.Message);
        return item;
    }

    public static BudgetAlert ToAlert(Dictionary<string, AttributeValue> item) => new(
        String(item, Attr.Period),
        Enum.Parse<AlertLevel>(String(item, Attr.Level)),
        new Money(Long(item, Attr.BudgetPaise)),
        (int)Long(item, Attr.Percent),
        new Money(Long(item, Attr.ThresholdPaise)),
        new Money(Long(item, Attr.TotalPaise)),
        DateTimeOffset.Parse(String(item, Attr.CreatedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    /// <summary>
    /// The write that records <paramref name="alert"/>: an Update of its deterministic key that only fills what is
    /// missing. It carries no condition, so it can never cancel the expense write it travels with, and a repeat
    /// changes nothing (and so puts nothing on the stream, and sends no second email).
    /// </summary>
    public static TransactWriteItem Record(string tableName, string userId, BudgetAlert alert)
    {
        var item = ToItem(userId, alert);
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var assignments = new List<string>();
        foreach (var (name, value) in item.Where(attribute => attribute.Key is not DynamoDbTable.PartitionKey and not DynamoDbTable.SortKey))
        {
            var placeholder = names.Count.ToString(CultureInfo.InvariantCulture);
            names["#a" + placeholder] = name;
            values[":a" + placeholder] = value;
            assignments.Add($"#a{placeholder} = if_not_exists(#a{placeholder}, :a{placeholder})");
        }

        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = tableName,
                Key = Key(userId, SortKey(alert)),
                UpdateExpression = "SET " + string.Join(", ", assignments),
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
        };
    }
}
