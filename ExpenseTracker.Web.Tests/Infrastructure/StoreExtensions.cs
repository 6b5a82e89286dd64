using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>What tests ask of a store beyond its interface, built only from that interface.</summary>
public static class StoreExtensions
{
    /// <summary>Adds an expense for a test that does not look at the alerts the write raised.</summary>
    public static async Task<Expense> AddExpenseAsync(this IExpenseStore store, string userId, ExpenseDraft draft) =>
        (await store.AddAsync(userId, draft)).Expense;

    /// <summary>Updates an expense for a test that does not look at the alerts the write raised.</summary>
    public static async Task<Expense> UpdateExpenseAsync(this IExpenseStore store, string userId, string id, int expectedVersion, ExpenseDraft draft) =>
        (await store.UpdateAsync(userId, id, expectedVersion, draft)).Expense;

    /// <summary>
    /// The stored totals per day and category, ordered by day then category, read as the summaries read them: the
    /// categories with spending in the range, then each one's days.
    /// </summary>
    public static async Task<IReadOnlyList<DailyTotal>> StoredDailyTotalsAsync(
        this IExpenseStore store, string userId, DateOnly from, DateOnly to, string? categoryId = null, string? tag = null)
    {
        IEnumerable<string> categories = categoryId is { } only
            ? [only]
            : (await store.GetGroupedTotalsAsync(userId, from, to, TotalsGrouping.Category, tag: tag)).Select(group => group.CategoryId!);
        var daily = new List<DailyTotal>();
        foreach (var category in categories)
        {
            var days = await store.GetGroupedTotalsAsync(userId, from, to, TotalsGrouping.Day, category, tag);
            daily.AddRange(days.Select(day => new DailyTotal(day.Period!.Value, category, day.Count, day.Amount)));
        }

        return [.. daily.OrderBy(total => total.Date).ThenBy(total => total.CategoryId, StringComparer.Ordinal)];
    }
}
