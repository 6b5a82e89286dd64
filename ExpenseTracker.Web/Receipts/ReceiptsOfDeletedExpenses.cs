using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// Receipts follow their expense into the bin and back: set aside when it is deleted, attached again when the delete is
/// undone. The sweep deletes them after <see cref="ReceiptOptions.DetachedGracePeriod"/> (a day), long after the undo
/// window (seconds) has closed.
/// </summary>
public sealed class ReceiptsOfDeletedExpenses(ExpenseReceipts receipts) : IDeletedExpenseHandler
{
    public Task DeletedAsync(string userId, string expenseId, CancellationToken cancellationToken) =>
        receipts.DetachAsync(userId, expenseId, cancellationToken);

    public Task RestoredAsync(string userId, string expenseId, CancellationToken cancellationToken) =>
        receipts.RestoreAsync(userId, expenseId, cancellationToken);
}
