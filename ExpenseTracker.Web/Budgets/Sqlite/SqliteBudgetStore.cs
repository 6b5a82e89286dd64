using System.Data.Common;
using Dapper;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Budgets.Sqlite;

public sealed class SqliteBudgetStore(SqliteDatabase database, BudgetAlerting alerting, TimeProvider time) : IBudgetStore, IUserDataEraser
{
    public async Task<BudgetSettings> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, userId) ?? alerting.Defaults;
    }

    public async Task SaveAsync(string userId, BudgetSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO budget_settings (user_id, amount_paise, period, warning_percent, updated_at)
            VALUES (@userId, @amountPaise, @period, @warningPercent, @updatedAt)
            ON CONFLICT (user_id) DO UPDATE SET amount_paise = excluded.amount_paise, period = excluded.period,
                warning_percent = excluded.warning_percent, updated_at = excluded.updated_at
            """,
            new
            {
                userId,
                amountPaise = settings.Amount.Paise,
                period = settings.Period.ToString(),
                warningPercent = settings.WarningPercent,
                updatedAt = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            });
    }

    /// <summary>The user's own settings go; a new account with the same id would start from the configured default.</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM budget_settings WHERE user_id = @userId", new { userId });
    }

    /// <summary>The user's saved settings, or null; inside a write's transaction when <paramref name="transaction"/> is given.</summary>
    internal static async Task<BudgetSettings?> ReadAsync(SqliteConnection connection, DbTransaction? transaction, string userId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long AmountPaise, string Period, long WarningPercent)?>(
            "SELECT amount_paise, period, warning_percent FROM budget_settings WHERE user_id = @userId", new { userId }, transaction);
        return row is { } settings
            ? new BudgetSettings(new Money(settings.AmountPaise), Enum.Parse<BudgetPeriod>(settings.Period), (int)settings.WarningPercent)
            : null;
    }
}
