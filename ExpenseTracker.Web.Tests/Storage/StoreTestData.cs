using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>Builders for store tests, and the brute-force sums the stored aggregates must equal.</summary>
public static class StoreTestData
{
    public static string NewUserId() => "user-" + Guid.NewGuid().ToString("N");

    public static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static ExpenseDraft Draft(string date = "2026-03-10", decimal rupees = 100, string category = "food", string description = "", params string[] tags) =>
        new(Day(date), Money.FromRupees(rupees), category, description, Tags.Parse(string.Join(',', tags)));

    /// <summary>Newest date first, ties by id descending: the order every store lists in.</summary>
    public static List<Expense> InListOrder(IEnumerable<Expense> expenses) =>
        expenses.OrderByDescending(expense => expense.Date).ThenByDescending(expense => expense.Id, StringComparer.Ordinal).ToList();

    public static bool Matches(Expense expense, ExpenseFilter filter) =>
        (filter.From is not { } from || expense.Date >= from)
        && (filter.To is not { } to || expense.Date <= to)
        && (filter.CategoryId is null || expense.CategoryId == filter.CategoryId)
        && (filter.Tag is null || expense.Tags.Contains(Tags.Normalize(filter.Tag)))
        && (!filter.HasText || expense.Description.Contains(filter.Text!.Trim(), StringComparison.OrdinalIgnoreCase));

    public static ExpenseTotals Totals(IEnumerable<Expense> expenses, ExpenseFilter filter)
    {
        var matching = expenses.Where(expense => Matches(expense, filter)).ToList();
        return new ExpenseTotals(matching.Count, new Money(matching.Sum(expense => expense.Amount.Paise)));
    }

    /// <summary>Per day and category, as GetDailyTotalsAsync answers: days with nothing are absent, ordered by day then category.</summary>
    public static List<DailyTotal> DailyTotals(IEnumerable<Expense> expenses, DateOnly from, DateOnly to, string? categoryId = null, string? tag = null) =>
        expenses
            .Where(expense => Matches(expense, new ExpenseFilter(from, to, categoryId, tag)))
            .GroupBy(expense => (expense.Date, expense.CategoryId))
            .Select(group => new DailyTotal(group.Key.Date, group.Key.CategoryId, group.Count(), new Money(group.Sum(expense => expense.Amount.Paise))))
            .OrderBy(total => total.Date)
            .ThenBy(total => total.CategoryId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every expense of a user, read page by page through the store's own list.</summary>
    public static async Task<List<Expense>> ListAllAsync(IExpenseStore store, string userId, ExpenseFilter? filter = null, int pageSize = 50)
    {
        var all = new List<Expense>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(userId, filter ?? ExpenseFilter.None, cursor, pageSize);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    /// <summary>An expense as comparable values (records compare tag lists by reference).</summary>
    public static (string Id, DateOnly Date, long Paise, string CategoryId, string Description, string Tags, int Version) Shape(Expense expense) =>
        (expense.Id, expense.Date, expense.Amount.Paise, expense.CategoryId, expense.Description, string.Join('|', expense.Tags), expense.Version);
}
