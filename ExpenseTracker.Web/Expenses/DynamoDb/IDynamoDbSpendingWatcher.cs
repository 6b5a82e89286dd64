using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Budgets;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>
/// What must commit with every expense write: the budget check (Budgets/DynamoDb), which adds the alerts the write
/// raised to the write's own transaction, on condition that the totals it decided from are still as it read them. A
/// writer of any kind (one expense, a batch, an edit) goes through it the same way.
/// </summary>
public interface IDynamoDbSpendingWatcher
{
    /// <summary>The sort keys the watch reads for a write that may raise <paramref name="months"/>, so that a writer can read them in its own first request.</summary>
    IReadOnlyList<string> KeysToRead(IEnumerable<string> months);

    /// <summary>
    /// Decides what the write's transaction also carries, from the net change of each month's spending ("2026-11" →
    /// paise) and the items of <see cref="KeysToRead"/> when the writer read them already (else it reads them itself).
    /// </summary>
    Task<SpendingWatch> PlanAsync(
        string userId,
        IReadOnlyDictionary<string, long> monthlyChanges,
        IReadOnlyDictionary<string, Dictionary<string, AttributeValue>>? read,
        CancellationToken cancellationToken);
}

/// <summary>
/// The part of an expense write's transaction that the watch adds: the guards the budget periods' totals must still
/// pass when the write commits (by sort key), which keep two writes racing over one line from both missing (or both
/// recording) its crossing, and its own writes.
/// </summary>
public sealed record SpendingWatch(
    IReadOnlyDictionary<string, TotalGuard> Guards, IReadOnlyList<TransactWriteItem> Writes, IReadOnlyList<BudgetAlert> Alerts)
{
    public static readonly SpendingWatch None = new(new Dictionary<string, TotalGuard>(), [], []);
}

/// <summary>
/// What a total must still be when the write commits for the decision made from it to hold: for each crossing window
/// (<see cref="BudgetCheck.CrossingWindows"/>), whether the total lies in it or not. Not its exact amount: while the
/// total stays out of every window, any number of writes to it commit side by side.
/// </summary>
public sealed record TotalGuard(IReadOnlyList<(CrossingWindow Window, bool Inside)> Windows)
{
    public static TotalGuard Of(IReadOnlyList<CrossingWindow> windows, long total) => new([.. windows.Select(window => (window, window.Contains(total)))]);

    public bool Admits(long total) => Windows.All(guard => guard.Window.Contains(total) == guard.Inside);
}
