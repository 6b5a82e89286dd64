using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Expenses.Sqlite;

/// <summary>Collects the changes a write makes to the stored totals, then applies them in the write's transaction.</summary>
internal sealed class SqliteTotalsDelta
{
    private readonly Dictionary<(string Day, string CategoryId), (long Count, long Paise)> daily = [];
    private readonly Dictionary<(string Tag, string Day, string CategoryId), (long Count, long Paise)> tagged = [];
    private readonly Dictionary<string, (long Count, long Paise)> monthly = [];

    /// <summary>The net change of each month's total, in paise ("2026-11" → +25000).</summary>
    public IReadOnlyDictionary<string, long> MonthlyChanges => monthly.ToDictionary(entry => entry.Key, entry => entry.Value.Paise);

    public void Add(Expense expense, int sign)
    {
        var day = SqliteExpenseSql.Day(expense.Date);
        Accumulate(daily, (day, expense.CategoryId), sign, expense.Amount.Paise);
        Accumulate(monthly, SqliteExpenseSql.Month(expense.Date), sign, expense.Amount.Paise);
        foreach (var tag in expense.Tags)
        {
            Accumulate(tagged, (tag, day, expense.CategoryId), sign, expense.Amount.Paise);
        }
    }

    public async Task ApplyAsync(SqliteConnection connection, DbTransaction transaction, string userId)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO daily_totals (user_id, day, category_id, expense_count, amount_paise) VALUES (@userId, @day, @categoryId, @count, @paise)
            ON CONFLICT (user_id, day, category_id) DO UPDATE SET
                expense_count = expense_count + excluded.expense_count, amount_paise = amount_paise + excluded.amount_paise;
            DELETE FROM daily_totals WHERE user_id = @userId AND day = @day AND category_id = @categoryId AND expense_count = 0;
            """,
            daily.Where(entry => entry.Value != (0, 0)).Select(entry => new
            {
                userId,
                day = entry.Key.Day,
                categoryId = entry.Key.CategoryId,
                count = entry.Value.Count,
                paise = entry.Value.Paise,
            }),
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO daily_tag_totals (user_id, tag, day, category_id, expense_count, amount_paise) VALUES (@userId, @tag, @day, @categoryId, @count, @paise)
            ON CONFLICT (user_id, tag, day, category_id) DO UPDATE SET
                expense_count = expense_count + excluded.expense_count, amount_paise = amount_paise + excluded.amount_paise;
            DELETE FROM daily_tag_totals WHERE user_id = @userId AND tag = @tag AND day = @day AND category_id = @categoryId AND expense_count = 0;
            """,
            tagged.Where(entry => entry.Value != (0, 0)).Select(entry => new
            {
                userId,
                tag = entry.Key.Tag,
                day = entry.Key.Day,
                categoryId = entry.Key.CategoryId,
                count = entry.Value.Count,
                paise = entry.Value.Paise,
            }),
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO monthly_totals (user_id, month, expense_count, amount_paise) VALUES (@userId, @month, @count, @paise)
            ON CONFLICT (user_id, month) DO UPDATE SET
                expense_count = expense_count + excluded.expense_count, amount_paise = amount_paise + excluded.amount_paise;
            DELETE FROM monthly_totals WHERE user_id = @userId AND month = @month AND expense_count = 0;
            """,
            monthly.Where(entry => entry.Value != (0, 0)).Select(entry => new
            {
                userId,
                month = entry.Key,
                count = entry.Value.Count,
                paise = entry.Value.Paise,
            }),
            transaction);
    }

    private static void Accumulate<TKey>(Dictionary<TKey, (long Count, long Paise)> totals, TKey key, int sign, long paise)
        where TKey : notnull
    {
        var (count, sum) = totals.GetValueOrDefault(key);
        totals[key] = (count + sign, sum + (sign * paise));
    }
}
