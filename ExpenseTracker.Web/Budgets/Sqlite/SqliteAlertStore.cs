using Dapper;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Budgets.Sqlite;

/// <summary>Reads the alerts the expense store recorded, and is the outbox the app's dispatcher drains.</summary>
public sealed class SqliteAlertStore(SqliteDatabase database) : IAlertStore, IAlertOutbox
{
    private const string Columns =
        "user_id AS UserId, period AS Period, level AS Level, budget_paise AS BudgetPaise, percent AS Percent, " +
        "threshold_paise AS ThresholdPaise, total_paise AS TotalPaise, created_at AS CreatedAt";

    public async Task<IReadOnlyList<BudgetAlert>> ListAsync(string userId, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(
            $"SELECT {Columns} FROM budget_alerts WHERE user_id = @userId ORDER BY created_at DESC, period DESC, level DESC LIMIT @max",
            new { userId, max });
        return rows.Select(row => row.ToAlert()).ToList();
    }

    public async Task RestoreAsync(string userId, IReadOnlyCollection<BudgetAlert> alerts, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO budget_alerts (user_id, period, level, budget_paise, percent, threshold_paise, total_paise, created_at, delivered_at)
            VALUES (@userId, @Period, @Level, @BudgetPaise, @Percent, @ThresholdPaise, @TotalPaise, @CreatedAt, @CreatedAt)
            ON CONFLICT (user_id, period, level, budget_paise, percent) DO NOTHING
            """,
            alerts.Select(alert => new
            {
                userId,
                alert.Period,
                Level = alert.Level.ToString(),
                BudgetPaise = alert.Budget.Paise,
                alert.Percent,
                ThresholdPaise = alert.Threshold.Paise,
                TotalPaise = alert.Total.Paise,
                CreatedAt = alert.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            }));
    }

    public async Task<IReadOnlyList<PendingAlert>> ListPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(
            $"SELECT {Columns} FROM budget_alerts WHERE delivered_at IS NULL ORDER BY created_at LIMIT @max", new { max });
        return rows.Select(row => new PendingAlert(row.UserId, row.ToAlert())).ToList();
    }

    public async Task MarkDeliveredAsync(PendingAlert pending, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default)
    {
        var alert = pending.Alert;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE budget_alerts SET delivered_at = @deliveredAt
            WHERE user_id = @userId AND period = @period AND level = @level AND budget_paise = @budgetPaise AND percent = @percent
            """,
            new
            {
                deliveredAt = deliveredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                userId = pending.UserId,
                period = alert.Period,
                level = alert.Level.ToString(),
                budgetPaise = alert.Budget.Paise,
                percent = alert.Percent,
            });
    }

    /// <summary>The user's alerts, delivered or not: an alert of a deleted account is never sent.</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM budget_alerts WHERE user_id = @userId", new { userId });
    }

    private sealed class AlertRow
    {
        public string UserId { get; set; } = "";
        public string Period { get; set; } = "";
        public string Level { get; set; } = "";
        public long BudgetPaise { get; set; }
        public long Percent { get; set; }
        public long ThresholdPaise { get; set; }
        public long TotalPaise { get; set; }
        public string CreatedAt { get; set; } = "";

        public BudgetAlert ToAlert() => new(
            Period,
            Enum.Parse<AlertLevel>(Level),
            new Money(BudgetPaise),
            (int)Percent,
            new Money(ThresholdPaise),
            new Money(TotalPaise),
            DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }
}
