using Dapper;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Expenses.Sqlite;

namespace ExpenseTracker.Web.Budgets.Sqlite;

/// <summary>
/// Records the budget alerts of an expense write inside the write's transaction, after its totals moved. Writers take
/// SQLite's write lock when their transaction begins, so the totals read here are exactly before and after this
/// write, even when two writes race. Nothing here can cost the expense: it runs under a savepoint, and a failure
/// rolls back only the alerts.
/// </summary>
public sealed class SqliteBudgetWatcher(BudgetAlerting alerting, TimeProvider time) : ISqliteSpendingWatcher
{
    private const string Savepoint = "budget_alerts";

    public async Task<IReadOnlyList<BudgetAlert>> WatchAsync(SqliteSpendingChange change, CancellationToken cancellationToken)
    {
        // Only a rise can cross a line: a write that lowers every month (a delete) reads nothing more.
        if (!change.MonthlyChanges.Values.Any(paise => paise > 0))
        {
            return [];
        }

        var transaction = change.Transaction;
        await transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            var budget = await SqliteBudgetStore.ReadAsync(change.Connection, transaction, change.UserId) ?? alerting.Defaults;
            var raised = BudgetCheck.RaisedPeriods(budget, change.MonthlyChanges);
            var before = new Dictionary<string, Money>();
            foreach (var (period, rise) in raised)
            {
                var after = period == BudgetSettings.AllTimeKey ? await change.GrandTotalAsync() : await change.MonthTotalAsync(period);
                before[period] = after - new Money(rise);
            }

            var recorded = new List<BudgetAlert>();
            foreach (var alert in BudgetCheck.Crossings(budget, raised, before, time.GetUtcNow()))
            {
                if (await InsertAsync(change, alert))
                {
                    recorded.Add(alert);
                }
            }

            await transaction.ReleaseAsync(Savepoint, cancellationToken);
            return recorded;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            alerting.RecordingFailed(change.UserId, exception);
            return [];
        }
    }

    public void Committed(IReadOnlyList<BudgetAlert> alerts) => alerting.Committed(alerts);

    /// <summary>True when the alert is new; an alert already recorded for the same key is left as it is.</summary>
    private static async Task<bool> InsertAsync(SqliteSpendingChange change, BudgetAlert alert) =>
        await change.Connection.ExecuteAsync(
            """
            INSERT INTO budget_alerts (user_id, period, level, budget_paise, percent, threshold_paise, total_paise, created_at)
            VALUES (@userId, @Period, @Level, @BudgetPaise, @Percent, @ThresholdPaise, @TotalPaise, @CreatedAt)
            ON CONFLICT (user_id, period, level, budget_paise, percent) DO NOTHING
            """,
            new
            {
                userId = change.UserId,
                alert.Period,
                Level = alert.Level.ToString(),
                BudgetPaise = alert.Budget.Paise,
                alert.Percent,
                ThresholdPaise = alert.Threshold.Paise,
                TotalPaise = alert.Total.Paise,
                CreatedAt = alert.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            },
            change.Transaction) == 1;
}
