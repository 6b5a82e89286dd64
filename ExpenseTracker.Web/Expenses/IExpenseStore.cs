using ExpenseTracker.Web.Alerts;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Where expenses live. Every call is scoped to one user; implementations keep per-day, per-category totals
/// up to date in the same transaction as each write, so totals and summaries never read every expense.
/// A store that watches budgets also records, in that same transaction, the budget alerts a write raises
/// (see <see cref="BudgetCrossings"/>); the <c>WithAlerts</c> methods return them as well, so that the page can
/// show them at once.
/// </summary>
public interface IExpenseStore
{
    Task<Expense> AddAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The bulk path (seeding, a future CSV import): many expenses in few transactions.</summary>
    Task AddManyAsync(string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default);

    Task<Expense?> FindAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the values of an expense if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <exception cref="Storage.NotFoundException">No such expense for this user.</exception>
    /// <exception cref="Storage.ConcurrencyConflictException">Someone else changed it first.</exception>
    Task<Expense> UpdateAsync(string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default);

    /// <exception cref="Storage.NotFoundException">No such expense for this user.</exception>
    Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>Newest date first (ties broken by id), starting after <paramref name="cursor"/>.</summary>
    /// <exception cref="Storage.InvalidCursorException">The cursor was not one this store handed out.</exception>
    Task<ExpensePage> ListAsync(string userId, ExpenseFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken = default);

    Task<ExpenseTotals> GetTotalsAsync(string userId, ExpenseFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The stored per-day, per-category totals in [from, to], optionally only one category or expenses with one tag.</summary>
    Task<IReadOnlyList<DailyTotal>> GetDailyTotalsAsync(
        string userId, DateOnly from, DateOnly to, string? categoryId = null, string? tag = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored totals in [from, to] summed per category, per day or per calendar month, optionally only one category
    /// or expenses with one tag. This default sums <see cref="GetDailyTotalsAsync"/> in memory, which reads a row per
    /// day and category of the range; a store that can sum where the totals live (SQLite) does that instead.
    /// </summary>
    async Task<IReadOnlyList<GroupTotal>> GetGroupedTotalsAsync(
        string userId, DateOnly from, DateOnly to, TotalsGrouping grouping, string? categoryId = null, string? tag = null,
        CancellationToken cancellationToken = default)
    {
        var daily = await GetDailyTotalsAsync(userId, from, to, categoryId, tag, cancellationToken);
        return GroupTotal.Sum(daily, grouping);
    }

    /// <summary>Adds an expense and says which budget alerts the write raised.</summary>
    Task<ExpenseWrite> AddWithAlertsAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Adds many expenses and says which budget alerts the writes raised.</summary>
    Task<IReadOnlyList<BudgetAlert>> AddManyWithAlertsAsync(string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default);

    /// <summary>Updates an expense (as <see cref="UpdateAsync"/>) and says which budget alerts the write raised.</summary>
    Task<ExpenseWrite> UpdateWithAlertsAsync(string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default);
}

/// <summary>A stored expense and the budget alerts its write raised (already recorded, in the same transaction).</summary>
public sealed record ExpenseWrite(Expense Expense, IReadOnlyList<BudgetAlert> Alerts);
