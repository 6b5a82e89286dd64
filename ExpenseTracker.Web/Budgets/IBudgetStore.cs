namespace ExpenseTracker.Web.Budgets;

/// <summary>Each user's budget settings, in the same store as their expenses (the store's writes read them).</summary>
public interface IBudgetStore : IUserDataEraser
{
    /// <summary>The user's own settings, or the configured default when they never saved any.</summary>
    Task<BudgetSettings> GetAsync(string userId, CancellationToken cancellationToken = default);

    Task SaveAsync(string userId, BudgetSettings settings, CancellationToken cancellationToken = default);
}
