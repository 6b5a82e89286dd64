using System.Data.Common;
using System.Globalization;
using Dapper;
using ExpenseTracker.Web.Alerts;
using ExpenseTracker.Web.Expenses;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>
/// Records the budget alerts of one write inside the write's transaction, after its totals moved. Writers take
/// SQLite's write lock when their transaction begins, so the totals read here are exactly before and after this
/// write, even when two writes race. Nothing here can cost the expense: it runs under a savepoint, and a failure
/// rolls back only the alert.
/// </summary>
internal static class SqliteBudgetAlerts
{
    private const string Savepoint = "budget_alerts";

    public static async Task<IReadOnlyList<BudgetAlert>> RecordAsync(
        SqliteConnection connection,
        DbTransaction transaction,
        string userId,
        IReadOnlyDictionary<string, long> monthlyChanges,
        BudgetAlerting alerting,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Only a rise can cross a line: a write that lowers every month (a delete) reads nothing more.
        if (!monthlyChanges.Values.Any(change => change > 0))
        {
            return [];
        }

        await transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            var budget = await SqliteBudgetStore.ReadAsync(connection, transaction, userId) ?? alerting.Defaults;
            var recorded = new List<BudgetAlert>();
            foreach (var (period, rise) in BudgetCrossings.RaisedPeriods(budget, monthlyChanges))
            {
                var after = await TotalAfterAsync(connection, transaction, userId, period);
                if (BudgetCrossings.Crossing(budget, period, after - new Money(rise), after, now) is { } alert
                    && await InsertAsync(connection, transaction, userId, alert))
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
            alerting.RecordingFailed(userId, exception);
            return [];
        }
    }

    /// <summary>The month's total, or the grand total for an all-time budget: at most one row per month is summed.</summary>
    private static async Task<Money> TotalAfterAsync(SqliteConnection connection, DbTransaction transaction, string userId, string period) =>
        new(await connection.ExecuteScalarAsync<long>(
            period == BudgetSettings.AllTimeKey
                ? "SELECT COALESCE(SUM(amount_paise), 0) FROM monthly_totals WHERE user_id = @userId"
                : "SELECT COALESCE(SUM(amount_paise), 0) FROM monthly_totals WHERE user_id = @userId AND month = @period",
            new { userId, period },
            transaction));

    /// <summary>True when the alert is new; an alert already recorded for the same key is left as it is.</summary>
    private static async Task<bool> InsertAsync(SqliteConnection connection, DbTransaction transaction, string userId, BudgetAlert alert) =>
        await connection.ExecuteAsync(
            """
            INSERT INTO budget_alerts (user_id, period, level, budget_paise, percent, threshold_paise, total_paise, created_at)
            VALUES (@userId, @Period, @Level, @BudgetPaise, @Percent, @ThresholdPaise, @TotalPaise, @CreatedAt)
            ON CONFLICT (user_id, period, level, budget_paise, percent) DO NOTHING
            """,
            new
            {
                userId,
                alert.Period,
                Level = alert.Level.ToString(),
                BudgetPaise = alert.Budget.Paise,
                alert.Percent,
                ThresholdPaise = alert.Threshold.Paise,
                TotalPaise = alert.Total.Paise,
                CreatedAt = alert.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            },
            transaction) == 1;
}
