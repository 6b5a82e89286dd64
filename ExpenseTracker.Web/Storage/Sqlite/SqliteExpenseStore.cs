using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using ExpenseTracker.Web.Expenses;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Storage.Sqlite;

public sealed class SqliteExpenseStore(SqliteDatabase database, TimeProvider time) : IExpenseStore
{
    private const string Columns = "id AS Id, day AS Day, amount_paise AS AmountPaise, category_id AS CategoryId, description AS Description, tags AS Tags, version AS Version";

    public async Task<Expense> AddAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default)
    {
        var expense = NewExpense(draft);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, userId, expense);
        var totals = new TotalsDelta();
        totals.Add(expense, +1);
        await totals.ApplyAsync(connection, transaction, userId);
        await transaction.CommitAsync(cancellationToken);
        return expense;
    }

    public async Task AddManyAsync(string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default)
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

        await totals.ApplyAsync(connection, transaction, userId);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Expense?> FindAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExpenseRow>(
            $"SELECT {Columns} FROM expenses WHERE user_id = @userId AND id = @id", new { userId, id });
        return row?.ToExpense();
    }

    public async Task<Expense> UpdateAsync(string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default)
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
        await totals.ApplyAsync(connection, transaction, userId);
        await transaction.CommitAsync(cancellationToken);
        return updated;
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
        await totals.ApplyAsync(connection, transaction, userId);
        await transaction.CommitAsync(cancellationToken);
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
            var (table, where) = TotalsWhere(filter.From, filter.To, filter.CategoryId, filter.Tag, parameters);
            sql = $"SELECT COALESCE(SUM(expense_count), 0) AS Count, COALESCE(SUM(amount_paise), 0) AS Paise FROM {table} WHERE {where}";
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

        public void Add(Expense expense, int sign)
        {
            var day = Day(expense.Date);
            Accumulate(daily, (day, expense.CategoryId), sign, expense.Amount.Paise);
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
        }

        private static void Accumulate<TKey>(Dictionary<TKey, (long Count, long Paise)> totals, TKey key, int sign, long paise)
            where TKey : notnull
        {
            var (count, sum) = totals.GetValueOrDefault(key);
            totals[key] = (count + sign, sum + (sign * paise));
        }
    }
}
