namespace ExpenseTracker.Web.Alerts;

/// <summary>Each user's budget settings, in the same store as their expenses (the store's writes read them).</summary>
public interface IBudgetStore
{
    /// <summary>The user's own settings, or the configured default when they never saved any.</summary>
    Task<BudgetSettings> GetAsync(string userId, CancellationToken cancellationToken = default);

    Task SaveAsync(string userId, BudgetSettings settings, CancellationToken cancellationToken = default);
}
