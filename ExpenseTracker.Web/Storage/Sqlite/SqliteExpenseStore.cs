using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Alerts;
using ExpenseTracker.Web.Expenses;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Storage.Sqlite;

/// <remarks>
/// Every write also records the budget alerts it raises, in its own transaction (<see cref="SqliteBudgetAlerts"/>);
/// without <paramref name="alerting"/> (a store built outside the app) the configured defaults apply.
/// </remarks>
public sealed class SqliteExpenseStore(SqliteDatabase database, TimeProvider time, BudgetAlerting? alerting = null) : IExpenseStore, IUserDataEraser
{
    private readonly BudgetAlerting alerting = alerting ?? BudgetAlerting.Standalone();

    private const string Columns = "id AS Id, day AS Day, amount_paise AS AmountPaise, category_id AS CategoryId, description AS Description, tags AS Tags, version AS Version";

    public async Task<Expense> AddAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        (await AddWithAlertsAsync(userId, draft, cancellationToken)).Expense;

    public async Task<ExpenseWrite> AddWithAlertsAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default)
    {
        var expense = NewExpense(draft);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, userId, expense);
        var totals = new TotalsDelta();
        totals.Add(expense, +1);
        var alerts = await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
        return new ExpenseWrite(expense, alerts);
    }

    public Task AddManyAsync(string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default) =>
        AddManyWithAlertsAsync(userId, drafts, cancellationToken);

    public async Task<IReadOnlyList<BudgetAlert>> AddManyWithAlertsAsync(
        string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var totals = new TotalsDelta();
        foreach (var draft in drafts)
        {
            var expense = NewExpense(draft);
            await InsertAsync(connection, transaction, userId, expense);
            totals.Add(expense, +1);
        }

        return await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
    }

    public async Task<Expense?> FindAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExpenseRow>(
            $"SELECT {Columns} FROM expenses WHERE user_id = @userId AND id = @id", new { userId, id });
        return row?.ToExpense();
    }

    public async Task<Expense> UpdateAsync(string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        (await UpdateWithAlertsAsync(userId, id, expectedVersion, draft, cancellationToken)).Expense;

    public async Task<ExpenseWrite> UpdateWithAlertsAsync(
        string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await ReadForWriteAsync(connection, transaction, userId, id);
        if (current.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }

        var updated = new Expense(id, draft.Date, draft.Amount, draft.CategoryId, draft.Description, draft.Tags, current.Version + 1);
        await connection.ExecuteAsync(
            """
            UPDATE expenses SET day = @Day, amount_paise = @AmountPaise, category_id = @CategoryId,
                description = @Description, tags = @Tags, version = @Version
            WHERE user_id = @UserId AND id = @Id
            """,
            ExpenseRow.From(updated, userId),
            transaction);
        await connection.ExecuteAsync("DELETE FROM expense_tags WHERE user_id = @userId AND expense_id = @id", new { userId, id }, transaction);
        await InsertTagsAsync(connection, transaction, userId, updated);
        var totals = new TotalsDelta();
        totals.Add(current, -1);
        totals.Add(updated, +1);
        var alerts = await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
        return new ExpenseWrite(updated, alerts);
    }

    public async Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await ReadForWriteAsync(connection, transaction, userId, id);
        await connection.ExecuteAsync(
            "DELETE FROM expenses WHERE user_id = @userId AND id = @id; DELETE FROM expense_tags WHERE user_id = @userId AND expense_id = @id;",
            new { userId, id },
            transaction);
        var totals = new TotalsDelta();
        totals.Add(current, -1);
        // A delete only lowers totals, so it never raises an alert; it goes the same way as every write all the same.
        await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
    }

    public async Task<ExpensePage> ListAsync(string userId, ExpenseFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        (DateOnly Date, string Id)? position = cursor is null ? null : ListCursor.Decode(cursor);
        var parameters = new DynamicParameters(new { userId, take = pageSize + 1 });
        var where = ExpenseWhere(filter, parameters);
        if (position is not null)
        {
            where.Append(" AND (day, id) < (@cursorDay, @cursorId)");
            parameters.Add("cursorDay", Day(position.Value.Date));
            parameters.Add("cursorId", position.Value.Id);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ExpenseRow>(
            $"SELECT {Columns} FROM expenses WHERE {where} ORDER BY day DESC, id DESC LIMIT @take", parameters)).ToList();
        var items = rows.Take(pageSize).Select(row => row.ToExpense()).ToList();
        var next = rows.Count > pageSize ? ListCursor.Encode(items[^1].Date, items[^1].Id) : null;
        return new ExpensePage(items, next);
    }

    public async Task<ExpenseTotals> GetTotalsAsync(string userId, ExpenseFilter filter, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { userId });
        string sql;
        if (filter.HasText)
        {
            // A text search cannot use the stored totals; it sums the matching expenses only.
            sql = $"SELECT COUNT(*) AS Count, COALESCE(SUM(amount_paise), 0) AS Paise FROM expenses WHERE {ExpenseWhere(filter, parameters)}";
        }
        else
        {
            var rows = TotalsRows(filter.From, filter.To, filter.CategoryId, filter.Tag, parameters);
            sql = $"SELECT COALESCE(SUM(expense_count), 0) AS Count, COALESCE(SUM(amount_paise), 0) AS Paise FROM ({rows})";
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var (count, paise) = await connection.QuerySingleAsync<(long Count, long Paise)>(sql, parameters);
        return new ExpenseTotals((int)count, new Money(paise));
    }

    public async Task<IReadOnlyList<DailyTotal>> GetDailyTotalsAsync(
        string userId, DateOnly from, DateOnly to, string? categoryId = null, string? tag = null, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { userId });
        var (table, where) = TotalsWhere(from, to, categoryId, tag, parameters);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Day, string CategoryId, long Count, long Paise)>(
            $"SELECT day, category_id, expense_count, amount_paise FROM {table} WHERE {where} ORDER BY day, category_id", parameters);
        return rows.Select(row => new DailyTotal(ParseDay(row.Day), row.CategoryId, (int)row.Count, new Money(row.Paise))).ToList();
    }

    /// <summary>Deletes the user's expenses, their tags and the stored (daily, monthly and per-day) totals, in one transaction.</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            DELETE FROM expense_tags WHERE user_id = @userId;
            DELETE FROM daily_tag_totals WHERE user_id = @userId;
            DELETE FROM daily_totals WHERE user_id = @userId;
            DELETE FROM monthly_totals WHERE user_id = @userId;
            DELETE FROM monthly_category_totals WHERE user_id = @userId;
            DELETE FROM monthly_tag_totals WHERE user_id = @userId;
            DELETE FROM day_totals WHERE user_id = @userId;
            DELETE FROM expenses WHERE user_id = @userId;
            """,
            new { userId },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sums in the database, so only one row per group reaches the app, however many expenses there are.</summary>
    public async Task<IReadOnlyList<GroupTotal>> GetGroupedTotalsAsync(
        string userId, DateOnly from, DateOnly to, TotalsGrouping grouping, string? categoryId = null, string? tag = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { userId });
        string sql;
        if (grouping == TotalsGrouping.Day && categoryId is not { Length: > 0 } && tag is not { Length: > 0 })
        {
            sql = "SELECT day AS Key, expense_count AS Count, amount_paise AS Paise FROM day_totals WHERE user_id = @userId AND day >= @from AND day <= @to";
            parameters.Add("from", Day(from));
            parameters.Add("to", Day(to));
        }
        else if (grouping == TotalsGrouping.Day)
        {
            var (table, where) = TotalsWhere(from, to, categoryId, tag, parameters);
            sql = $"SELECT day AS Key, SUM(expense_count) AS Count, SUM(amount_paise) AS Paise FROM {table} WHERE {where} GROUP BY day";
        }
        else
        {
            var key = grouping == TotalsGrouping.Category ? "category_id" : "month";
            // A month read as its total less its days outside the range can leave a group with nothing in it.
            sql = $"SELECT {key} AS Key, SUM(expense_count) AS Count, SUM(amount_paise) AS Paise FROM ({TotalsRows(from, to, categoryId, tag, parameters)}) "
                + $"GROUP BY {key} HAVING SUM(expense_count) <> 0";
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, long Count, long Paise)>(sql, parameters);
        return rows.Select(row => grouping switch
        {
            TotalsGrouping.Category => new GroupTotal(row.Key, null, (int)row.Count, new Money(row.Paise)),
            TotalsGrouping.Day => new GroupTotal(null, ParseDay(row.Key), (int)row.Count, new Money(row.Paise)),
            _ => new GroupTotal(null, ParseDay(row.Key + "-01"), (int)row.Count, new Money(row.Paise)),
        }).ToList();
    }

    /// <summary>Moves the stored totals, records the alerts that raises, and commits the write with both.</summary>
    private async Task<IReadOnlyList<BudgetAlert>> ApplyAndCommitAsync(
        SqliteConnection connection, DbTransaction transaction, string userId, TotalsDelta totals, CancellationToken cancellationToken)
    {
        await totals.ApplyAsync(connection, transaction, userId);
        var alerts = await SqliteBudgetAlerts.RecordAsync(
            connection, transaction, userId, totals.MonthlyChanges, alerting, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        alerting.Committed(alerts);
        return alerts;
    }

    private Expense NewExpense(ExpenseDraft draft) =>
        new(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), draft.Date, draft.Amount, draft.CategoryId, draft.Description, draft.Tags, 1);

    private async Task InsertAsync(SqliteConnection connection, DbTransaction transaction, string userId, Expense expense)
    {
        var row = ExpenseRow.From(expense, userId);
        row.CreatedAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(
            """
            INSERT INTO expenses (user_id, id, day, amount_paise, category_id, description, tags, version, created_at)
            VALUES (@UserId, @Id, @Day, @AmountPaise, @CategoryId, @Description, @Tags, @Version, @CreatedAt)
            """,
            row,
            transaction);
        await InsertTagsAsync(connection, transaction, userId, expense);
    }

    private static Task InsertTagsAsync(SqliteConnection connection, DbTransaction transaction, string userId, Expense expense) =>
        expense.Tags.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                "INSERT INTO expense_tags (user_id, expense_id, tag, day) VALUES (@userId, @id, @tag, @day)",
                expense.Tags.Select(tag => new { userId, id = expense.Id, tag, day = Day(expense.Date) }),
                transaction);

    private static async Task<Expense> ReadForWriteAsync(SqliteConnection connection, DbTransaction transaction, string userId, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ExpenseRow>(
            $"SELECT {Columns} FROM expenses WHERE user_id = @userId AND id = @id", new { userId, id }, transaction);
        return row?.ToExpense() ?? throw new NotFoundException("That expense does not exist.");
    }

    private static StringBuilder ExpenseWhere(ExpenseFilter filter, DynamicParameters parameters)
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

    private static (string Table, string Where) TotalsWhere(DateOnly? from, DateOnly? to, string? categoryId, string? tag, DynamicParameters parameters)
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
    private static string TotalsRows(DateOnly? from, DateOnly? to, string? categoryId, string? tag, DynamicParameters parameters)
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

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class ExpenseRow
    {
        public string UserId { get; set; } = "";
        public string Id { get; set; } = "";
        public string Day { get; set; } = "";
        public long AmountPaise { get; set; }
        public string CategoryId { get; set; } = "";
        public string Description { get; set; } = "";
        public string Tags { get; set; } = "[]";
        public long Version { get; set; }
        public string CreatedAt { get; set; } = "";

        public static ExpenseRow From(Expense expense, string userId) => new()
        {
            UserId = userId,
            Id = expense.Id,
            Day = SqliteExpenseStore.Day(expense.Date),
            AmountPaise = expense.Amount.Paise,
            CategoryId = expense.CategoryId,
            Description = expense.Description,
            Tags = JsonSerializer.Serialize(expense.Tags),
            Version = expense.Version,
        };

        public Expense ToExpense() => new(
            Id,
            ParseDay(Day),
            new Money(AmountPaise),
            CategoryId,
            Description,
            JsonSerializer.Deserialize<string[]>(Tags) ?? [],
            (int)Version);
    }

    /// <summary>Collects the changes a write makes to the stored totals, then applies them in the write's transaction.</summary>
    private sealed class TotalsDelta
    {
        private readonly Dictionary<(string Day, string CategoryId), (long Count, long Paise)> daily = [];
        private readonly Dictionary<(string Tag, string Day, string CategoryId), (long Count, long Paise)> tagged = [];
        private readonly Dictionary<string, (long Count, long Paise)> monthly = [];

        /// <summary>The net change of each month's total, in paise ("2026-11" → +25000).</summary>
        public IReadOnlyDictionary<string, long> MonthlyChanges => monthly.ToDictionary(entry => entry.Key, entry => entry.Value.Paise);

        public void Add(Expense expense, int sign)
        {
            var day = Day(expense.Date);
            Accumulate(daily, (day, expense.CategoryId), sign, expense.Amount.Paise);
            Accumulate(monthly, BudgetSettings.MonthKey(expense.Date), sign, expense.Amount.Paise);
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
}
