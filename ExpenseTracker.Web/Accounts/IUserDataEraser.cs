namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Deletes everything one store keeps for a user (expenses and their totals, categories, tokens, budgets...).
/// Each store registers one; deleting an account calls every one of them before removing the account itself.
/// Erasing must be idempotent, so that a deletion interrupted halfway can simply be run again.
/// </summary>
public interface IUserDataEraser
{
    Task EraseAsync(string userId, CancellationToken cancellationToken = default);
}
