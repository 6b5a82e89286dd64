using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Budgets.DynamoDb;

/// <summary>Each user's budget as one item, SK = BUDGET; the expense writes read it to decide what crossed.</summary>
public sealed class DynamoDbBudgetStore(AppTable table, BudgetAlerting alerting, TimeProvider time) : IBudgetStore
{
    public Task<BudgetSettings> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var response = await table.Client.GetItemAsync(
                new GetItemRequest { TableName = table.Name, Key = Key(userId, ItemKeys.Budget), ConsistentRead = true },
                cancellationToken);
            return FromItem(response.Item) ?? alerting.Defaults;
        }, cancellationToken);

    public Task SaveAsync(string userId, BudgetSettings settings, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var item = Key(userId, ItemKeys.Budget);
            item[Attr.Type] = S("BudgetSettings");
            item[Attr.BudgetPaise] = N(settings.Amount.Paise);
            item[Attr.Period] = S(settings.Period.ToString());
            item[Attr.WarningPercent] = N(settings.WarningPercent);
            item[Attr.UpdatedAt] = S(time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = item }, cancellationToken);
        }, cancellationToken);

    /// <summary>The user's own settings go; a new account with the same id would start from the configured default.</summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        table.EraseUserItemsAsync(userId, [ItemKeys.Budget], cancellationToken);

    /// <summary>The settings a BUDGET item holds, or null when the user never saved any.</summary>
    internal static BudgetSettings? FromItem(Dictionary<string, AttributeValue>? item) =>
        item is { Count: > 0 }
            ? new BudgetSettings(new Money(Long(item, Attr.BudgetPaise)), Enum.Parse<BudgetPeriod>(String(item, Attr.Period)), (int)Long(item, Attr.WarningPercent))
            : null;
}
