namespace ExpenseTracker.Web.Storage;

/// <summary>
/// Deletes everything one store keeps for a user (expenses and their totals, categories, budgets, alerts, tokens).
/// Every store that keeps data per user is one, the same way on every provider; deleting an account runs them all
/// before removing the account itself. Erasing must be idempotent, so that a deletion interrupted halfway can
/// simply run again.
/// </summary>
public interface IUserDataEraser
{
    Task EraseAsync(string userId, CancellationToken cancellationToken = default);
}
