using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

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
            DailySql,
            Changed(daily).Select(entry => new { user_id = userId, day = entry.Key.Day, category_id = entry.Key.CategoryId, entry.Value.Count, entry.Value.Paise }),
            transaction);
        await connection.ExecuteAsync(
            TaggedSql,
            Changed(tagged).Select(entry => new { user_id = userId, tag = entry.Key.Tag, day = entry.Key.Day, category_id = entry.Key.CategoryId, entry.Value.Count, entry.Value.Paise }),
            transaction);
        await connection.ExecuteAsync(
            MonthlySql,
            Changed(monthly).Select(entry => new { user_id = userId, month = entry.Key, entry.Value.Count, entry.Value.Paise }),
            transaction);
    }

    private static readonly string DailySql = MoveTotalSql("daily_totals", "day", "category_id");
    private static readonly string TaggedSql = MoveTotalSql("daily_tag_totals", "tag", "day", "category_id");
    private static readonly string MonthlySql = MoveTotalSql("monthly_totals", "month");

    /// <summary>
    /// Adds a change to one total of a table of totals keyed by the user and <paramref name="keys"/> (parameters named
    /// after their columns, with @Count and @Paise); a total no expense is left in is deleted.
    /// </summary>
    private static string MoveTotalSql(string table, params string[] keys)
    {
        var columns = string.Join(", ", keys);
        return $"""
            INSERT INTO {table} (user_id, {columns}, expense_count, amount_paise) VALUES (@user_id, {string.Join(", ", keys.Select(key => "@" + key))}, @Count, @Paise)
            ON CONFLICT (user_id, {columns}) DO UPDATE SET
                expense_count = expense_count + excluded.expense_count, amount_paise = amount_paise + excluded.amount_paise;
            DELETE FROM {table} WHERE user_id = @user_id AND {string.Join(" AND ", keys.Select(key => $"{key} = @{key}"))} AND expense_count = 0;
            """;
    }

    private static IEnumerable<KeyValuePair<TKey, (long Count, long Paise)>> Changed<TKey>(Dictionary<TKey, (long Count, long Paise)> totals)
        where TKey : notnull => totals.Where(entry => entry.Value != (0, 0));

    private static void Accumulate<TKey>(Dictionary<TKey, (long Count, long Paise)> totals, TKey key, int sign, long paise)
        where TKey : notnull
    {
        var (count, sum) = totals.GetValueOrDefault(key);
        totals[key] = (count + sign, sum + (sign * paise));
    }
}
