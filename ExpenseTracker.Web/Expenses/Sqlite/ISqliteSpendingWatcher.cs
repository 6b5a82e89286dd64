using System.Data.Common;
using Dapper;
using ExpenseTracker.Web.Budgets;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Expenses.Sqlite;

/// <summary>
/// What must commit with every expense write, once the write has moved the stored totals: the budget check
/// (Budgets/Sqlite), which records the alerts the write raised in the write's own transaction. A writer of any kind
/// (one expense, a batch, an edit) goes through it the same way.
/// </summary>
public interface ISqliteSpendingWatcher
{
    /// <summary>Runs inside the write's transaction; returns the alerts it recorded there.</summary>
    Task<IReadOnlyList<BudgetAlert>> WatchAsync(SqliteSpendingChange change, CancellationToken cancellationToken);

    /// <summary>Called once the write that recorded <paramref name="alerts"/> has committed.</summary>
    void Committed(IReadOnlyList<BudgetAlert> alerts);
}

/// <summary>
/// An expense write inside its transaction, after its totals moved: who wrote, how much each month's spending changed,
/// and the stored totals as they now are (SQLite writers hold the database's write lock, so nobody else moves them).
/// </summary>
public sealed class SqliteSpendingChange(SqliteConnection connection, DbTransaction transaction, string userId, IReadOnlyDictionary<string, long> monthlyChanges)
{
    public SqliteConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public string UserId => userId;

    /// <summary>The net change of each month's spending, in paise ("2026-11" → +25000).</summary>
    public IReadOnlyDictionary<string, long> MonthlyChanges => monthlyChanges;

    /// <summary>What the user has spent in a month ("2026-11") with this write counted: one stored row.</summary>
    public async Task<Money> MonthTotalAsync(string month) =>
        new(await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(amount_paise), 0) FROM monthly_totals WHERE user_id = @userId AND month = @month", new { userId, month }, transaction));

    /// <summary>What the user has ever spent with this write counted: a row per month, never the expenses.</summary>
    public async Task<Money> GrandTotalAsync() =>
        new(await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(amount_paise), 0) FROM monthly_totals WHERE user_id = @userId", new { userId }, transaction));
}
