using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Alerts;
using ExpenseTracker.Web.Expenses;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>Each user's budget as one item, SK = BUDGET; the expense writes read it to decide what crossed.</summary>
public sealed class DynamoDbBudgetStore(IAmazonDynamoDB client, string tableName, TimeProvider time, BudgetAlerting? alerting = null) : IBudgetStore
{
    private readonly BudgetAlerting alerting = alerting ?? BudgetAlerting.Standalone();

    public Task<BudgetSettings> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            var response = await client.GetItemAsync(
                new GetItemRequest { TableName = tableName, Key = Key(userId, ItemKeys.Budget), ConsistentRead = true },
                cancellationToken);
            return FromItem(response.Item) ?? alerting.Defaults;
        }, cancellationToken);

    public Task SaveAsync(string userId, BudgetSettings settings, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            var item = Key(userId, ItemKeys.Budget);
            item[Attr.Type] = S("BudgetSettings");
            item[Attr.BudgetPaise] = N(settings.Amount.Paise);
            item[Attr.Period] = S(settings.Period.ToString());
            item[Attr.WarningPercent] = N(settings.WarningPercent);
            item[Attr.UpdatedAt] = S(time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            await client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken);
        }, cancellationToken);

    /// <summary>The settings a BUDGET item holds, or null when the user never saved any.</summary>
    internal static BudgetSettings? FromItem(Dictionary<string, AttributeValue>? item) =>
        item is { Count: > 0 }
            ? new BudgetSettings(new Money(Long(item, Attr.BudgetPaise)), Enum.Parse<BudgetPeriod>(String(item, Attr.Period)), (int)Long(item, Attr.WarningPercent))
            : null;
}
