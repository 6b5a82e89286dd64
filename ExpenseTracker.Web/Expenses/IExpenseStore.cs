using ExpenseTracker.Web.Budgets;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Where expenses live. Every call is scoped to one user. Every write keeps the stored totals (per day, month,
/// category and tag) in the same transaction, so totals and summaries never read every expense, and runs the
/// budget check in that transaction too: it answers with the alerts the write raised, already recorded.
/// </summary>
public interface IExpenseStore : IUserDataEraser
{
    Task<ExpenseWrite> AddAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// The bulk path (seeding, imports): many expenses in few transactions, each checked against the budget as a manual
    /// add is. Returns the stored expenses, in the order of <paramref name="drafts"/>, and the alerts they raised.
    /// </summary>
    Task<ExpenseBatchWrite> AddManyAsync(string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the expenses of <paramref name="ids"/> that this user has (an id that is not stored is skipped), with
    /// their totals, in few transactions. Returns how many were deleted. A delete never raises an alert.
    /// </summary>
    Task<int> DeleteManyAsync(string userId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores expenses exactly as they were (id, version and every value), with their totals but without the budget
    /// check: a restore brings back the alerts the backup recorded instead of raising new ones.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">One of the ids is already stored; nothing of that transaction was written.</exception>
    Task RestoreManyAsync(string userId, IReadOnlyCollection<Expense> expenses, CancellationToken cancellationToken = default);

    Task<Expense?> FindAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the values of an expense if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <exception cref="NotFoundException">No such expense for this user.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone else changed it first.</exception>
    Task<ExpenseWrite> UpdateAsync(string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an expense and keeps a copy of it in the bin, outside every list and total, so that
    /// <see cref="RestoreAsync"/> can bring it back for a while (see <see cref="ExpenseBin"/>). Answers what was deleted.
    /// </summary>
    /// <exception cref="NotFoundException">No such expense for this user.</exception>
    Task<Expense> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings back from the bin an expense deleted at or after <paramref name="deletedSince"/>: the same id, tags and
    /// creation time, a version one higher (a form opened before the delete is stale). Its totals move and the budget
    /// check runs as for an add, so a line it crosses again answers no second alert.
    /// </summary>
    /// <exception cref="NotFoundException">Not in the bin: never deleted, restored already, or deleted before <paramref name="deletedSince"/>.</exception>
    Task<ExpenseWrite> RestoreAsync(string userId, string id, DateTimeOffset deletedSince, CancellationToken cancellationToken = default);

    /// <summary>Empties the bin of the expenses deleted before <paramref name="deletedBefore"/>; answers their ids.</summary>
    Task<IReadOnlyList<string>> PurgeDeletedAsync(string userId, DateTimeOffset deletedBefore, CancellationToken cancellationToken = default);

    /// <summary>Newest date first (ties broken by id), starting after <paramref name="cursor"/>.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not one this store handed out.</exception>
    Task<ExpensePage> ListAsync(string userId, ExpenseFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken = default);

    Task<ExpenseTotals> GetTotalsAsync(string userId, ExpenseFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored totals in [from, to] summed per category, per day or per calendar month, optionally only one category
    /// or expenses with one tag, in no particular order. Reads a row per month of the range where it can, never the expenses.
    /// </summary>
    Task<IReadOnlyList<GroupTotal>> GetGroupedTotalsAsync(
        string userId, DateOnly from, DateOnly to, TotalsGrouping grouping, string? categoryId = null, string? tag = null,
        CancellationToken cancellationToken = default);
}

/// <summary>A stored expense and the budget alerts its write raised (already recorded, in the same transaction).</summary>
public sealed record ExpenseWrite(Expense Expense, IReadOnlyList<BudgetAlert> Alerts);

/// <summary>The expenses a bulk add stored (in the order they were given) and the budget alerts it raised.</summary>
public sealed record ExpenseBatchWrite(IReadOnlyList<Expense> Expenses, IReadOnlyList<BudgetAlert> Alerts);
