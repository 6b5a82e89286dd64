using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Web.Budgets.DynamoDb;

/// <summary>
/// Reads the alert items the expense writes recorded (<see cref="AlertItem"/>). There is no outbox to drain here: the
/// table's stream carries each new alert item to the EventBridge Pipe, which emails it.
/// </summary>
public sealed class DynamoDbAlertStore(AppTable table) : IAlertStore
{
    public Task<IReadOnlyList<BudgetAlert>> ListAsync(string userId, int max, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var items = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.AlertPrefix, cancellationToken);

            // The sort key orders by period, not time: newest first is sorted here, ties as the SQLite store breaks them.
            return (IReadOnlyList<BudgetAlert>)items.Select(AlertItem.ToAlert)
                .OrderByDescending(alert => alert.CreatedAt)
                .ThenByDescending(alert => alert.Period, StringComparer.Ordinal)
                .ThenByDescending(alert => alert.Level.ToString(), StringComparer.Ordinal)
                .Take(max)
                .ToList();
        }, cancellationToken);

    /// <summary>
    /// Puts each alert only where its key is free, marked <see cref="Attr.Restored"/> so that the Pipe does not email
    /// it again. Alerts are few (at most two a month), so one PutItem each.
    /// </summary>
    public Task RestoreAsync(string userId, IReadOnlyCollection<BudgetAlert> alerts, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            foreach (var alert in alerts)
            {
                var item = AlertItem.ToItem(userId, alert);
                item[Attr.Restored] = new AttributeValue { BOOL = true };
                try
                {
                    var put = table.PutNew(item);
                    await table.Client.PutItemAsync(
                        new PutItemRequest { TableName = table.Name, Item = item, ConditionExpression = put.ConditionExpression, ExpressionAttributeNames = put.ExpressionAttributeNames },
                        cancellationToken);
                }
                catch (ConditionalCheckFailedException)
                {
                    // Already recorded: left as it is.
                }
            }
        }, cancellationToken);

    /// <summary>The user's alerts, delivered or not: an alert of a deleted account is never sent.</summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        table.EraseUserItemsAsync(userId, [ItemKeys.AlertPrefix], cancellationToken);
}
