namespace ExpenseTracker.Web.Budgets;

/// <summary>
/// The alerts the expense store recorded in its writes. Recording happens inside the expense store's transactions
/// (see Expenses/Sqlite/ISqliteSpendingWatcher and Expenses/DynamoDb/IDynamoDbSpendingWatcher); this only reads them.
/// </summary>
public interface IAlertStore : IUserDataEraser
{
    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<BudgetAlert>> ListAsync(string userId, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores alerts a backup recorded, as they were, already delivered (they were sent when first raised, and are not
    /// sent again). An alert of the same key already stored is left as it is.
    /// </summary>
    Task RestoreAsync(string userId, IReadOnlyCollection<BudgetAlert> alerts, CancellationToken cancellationToken = default);
}

/// <summary>
/// The alerts not yet delivered, for a store whose outbox is drained by the app itself (SQLite). In AWS the
/// DynamoDB stream and an EventBridge Pipe drain it instead, so that store has no implementation of this.
/// </summary>
public interface IAlertOutbox
{
    /// <summary>Oldest first, across users.</summary>
    Task<IReadOnlyList<PendingAlert>> ListPendingAsync(int max, CancellationToken cancellationToken = default);

    Task MarkDeliveredAsync(PendingAlert pending, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default);
}
