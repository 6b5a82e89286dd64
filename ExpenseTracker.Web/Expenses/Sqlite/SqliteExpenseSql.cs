using System.Text;
using Dapper;

namespace ExpenseTracker.Web.Expenses.Sqlite;

/// <summary>
/// The SQL of the expense store's reads: which expenses a filter matches, and which stored totals a range sums.
/// Values always travel as parameters, never in the text.
/// </summary>
internal static class SqliteExpenseSql
{
    public const string Columns = "id AS Id, day AS Day, amount_paise AS AmountPaise, category_id AS CategoryId, description AS Description, tags AS Tags, version AS Version";

    public static StringBuilder ExpenseWhere(ExpenseFilter filter, DynamicParameters parameters)
    {
        var where = new StringBuilder("user_id = @userId");
        if (filter.From is { } from)
        {
            where.Append(" AND day >= @from");
            parameters.Add("from", Day(from));
        }

        if (filter.To is { } to)
        {
            where.Append(" AND day <= @to");
            parameters.Add("to", Day(to));
        }

        if (filter.CategoryId is { Length: > 0 } categoryId)
        {
            where.Append(" AND category_id = @categoryId");
            parameters.Add("categoryId", categoryId);
        }

        if (filter.Tag is { Length: > 0 } tag)
        {
            where.Append(" AND id IN (SELECT expense_id FROM expense_tags WHERE user_id = @userId AND tag = @tag)");
            parameters.Add("tag", Tags.Normalize(tag));
        }

        if (filter.HasText)
        {
            where.Append(@" AND description LIKE @text ESCAPE '\'");
            parameters.Add("text", "%" + EscapeLike(filter.Text!.Trim()) + "%");
        }

        return where;
    }

    public static (string Table, string Where) TotalsWhere(DateOnly? from, DateOnly? to, string? categoryId, string? tag, DynamicParameters parameters)
    {
        var where = new StringBuilder("user_id = @userId");
        var table = "daily_totals";
        if (tag is { Length: > 0 })
        {
            table = "daily_tag_totals";
            where.Append(" AND tag = @tag");
            parameters.Add("tag", Tags.Normalize(tag));
        }

        if (from is { } start)
        {
            where.Append(" AND day >= @from");
            parameters.Add("from", Day(start));
        }

        if (to is { } end)
        {
            where.Append(" AND day <= @to");
            parameters.Add("to", Day(end));
        }

        if (categoryId is { Length: > 0 })
        {
            where.Append(" AND category_id = @categoryId");
            parameters.Add("categoryId", categoryId);
        }

        return (table, where.ToString());
    }

    /// <summary>
    /// A query of the stored totals in [from, to] (open-ended where null) as rows of (month, category_id, expense_count,
    /// amount_paise), from the daily and monthly totals that <see cref="TotalsRange"/> picks: a range of years reads a
    /// row per month and category, and the days it reads do not grow with the history.
    /// </summary>
    public static string TotalsRows(DateOnly? from, DateOnly? to, string? categoryId, string? tag, DynamicParameters parameters)
    {
        var (daily, monthly) = tag is { Length: > 0 } ? ("daily_tag_totals", "monthly_tag_totals") : ("daily_totals", "monthly_category_totals");
        var filter = new StringBuilder("user_id = @userId");
        if (tag is { Length: > 0 })
        {
            filter.Append(" AND tag = @tag");
            parameters.Add("tag", Tags.Normalize(tag));
        }

        if (categoryId is { Length: > 0 })
        {
            filter.Append(" AND category_id = @categoryId");
            parameters.Add("categoryId", categoryId);
        }

        var parts = TotalsRange.Split(from, to).Select((part, index) =>
        {
            var (first, last) = ($"first{index}", $"last{index}");
            if (part.WholeMonths)
            {
                parameters.Add(first, Month(part.First));
                parameters.Add(last, Month(part.Last));
                return $"SELECT month, category_id, expense_count, amount_paise FROM {monthly} WHERE {filter} AND month >= @{first} AND month <= @{last}";
            }

            parameters.Add(first, Day(part.First));
            parameters.Add(last, Day(part.Last));
            var sign = part.Subtract ? "-" : "";
            return $"SELECT substr(day, 1, 7) AS month, category_id, {sign}expense_count AS expense_count, {sign}amount_paise AS amount_paise "
                + $"FROM {daily} WHERE {filter} AND day >= @{first} AND day <= @{last}";
        }).ToList();

        // An empty range still needs a query of the right columns.
        return parts.Count > 0
            ? string.Join(" UNION ALL ", parts)
            : "SELECT NULL AS month, NULL AS category_id, 0 AS expense_count, 0 AS amount_paise WHERE 0";
    }

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
