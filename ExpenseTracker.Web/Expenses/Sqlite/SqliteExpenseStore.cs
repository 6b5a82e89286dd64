using System.Data.Common;
using Dapper;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Expenses.Sqlite;

/// <summary>
/// Expenses in the SQLite file. Every write is one transaction holding the expense, the stored totals it moves
/// (<see cref="SqliteTotalsDelta"/>; the schema's triggers roll them up per month) and the budget check
/// (<see cref="ISqliteSpendingWatcher"/>), so totals always equal the expenses and an alert is never lost or doubled.
/// </summary>
public sealed partial class SqliteExpenseStore(SqliteDatabase database, TimeProvider time, ISqliteSpendingWatcher watcher) : IExpenseStore
{
    // SQLite's extended code for a PRIMARY KEY constraint failure.
    private const int PrimaryKeyTaken = 1555;

    public async Task<ExpenseWrite> AddAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default)
    {
        var expense = NewExpense(draft);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, userId, expense);
        var totals = new SqliteTotalsDelta();
        totals.Add(expense, +1);
        var alerts = await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
        return new ExpenseWrite(expense, alerts);
    }

    public async Task<ExpenseBatchWrite> AddManyAsync(
        string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var totals = new SqliteTotalsDelta();
        var added = new List<Expense>(drafts.Count);
        foreach (var draft in drafts)
        {
            var expense = NewExpense(draft);
            await InsertAsync(connection, transaction, userId, expense);
            totals.Add(expense, +1);
            added.Add(expense);
        }

        return new ExpenseBatchWrite(added, await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken));
    }

    public async Task<int> DeleteManyAsync(string userId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var totals = new SqliteTotalsDelta();
        var deleted = 0;
        // SQLite caps the parameters of one statement; 500 ids at a time stay well below it.
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await connection.QueryAsync<ExpenseRow>(
                $"SELECT {SqliteExpenseSql.Columns} FROM expenses WHERE user_id = @userId AND id IN @chunk", new { userId, chunk }, transaction);
            foreach (var row in rows)
            {
                totals.Add(row.ToExpense(), -1);
                deleted++;
            }

            await connection.ExecuteAsync(
                "DELETE FROM expenses WHERE user_id = @userId AND id IN @chunk; DELETE FROM expense_tags WHERE user_id = @userId AND expense_id IN @chunk;",
                new { userId, chunk },
                transaction);
        }

        await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
        return deleted;
    }

    public async Task RestoreManyAsync(string userId, IReadOnlyCollection<Expense> expenses, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var totals = new SqliteTotalsDelta();
        try
        {
            foreach (var expense in expenses)
            {
                await InsertAsync(connection, transaction, userId, expense);
                totals.Add(expense, +1);
            }
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == PrimaryKeyTaken)
        {
            throw new ConcurrencyConflictException("An expense of this backup is already stored in this account; nothing of it was restored.");
        }

        // No budget check: the alerts come back from the backup as they were recorded.
        await totals.ApplyAsync(connection, transaction, userId);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Expense?> FindAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExpenseRow>(
            $"SELECT {SqliteExpenseSql.Columns} FROM expenses WHERE user_id = @userId AND id = @id", new { userId, id });
        return row?.ToExpense();
    }

    public async Task<ExpenseWrite> UpdateAsync(
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
        var totals = new SqliteTotalsDelta();
        totals.Add(current, -1);
        totals.Add(updated, +1);
        var alerts = await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
        return new ExpenseWrite(updated, alerts);
    }

    public async Task<ExpensePage> ListAsync(string userId, ExpenseFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        (DateOnly Date, string Id)? position = cursor is null ? null : ListCursor.Decode(cursor);
        var parameters = new DynamicParameters(new { userId, take = pageSize + 1 });
        var where = SqliteExpenseSql.ExpenseWhere(filter, parameters);
        if (position is not null)
        {
            where.Append(" AND (day, id) < (@cursorDay, @cursorId)");
            parameters.Add("cursorDay", SqliteExpenseSql.Day(position.Value.Date));
            parameters.Add("cursorId", position.Value.Id);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ExpenseRow>(
            $"SELECT {SqliteExpenseSql.Columns} FROM expenses WHERE {where} ORDER BY day DESC, id DESC LIMIT @take", parameters)).ToList();
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
            sql = $"SELECT COUNT(*) AS Count, COALESCE(SUM(amount_paise), 0) AS Paise FROM expenses WHERE {SqliteExpenseSql.ExpenseWhere(filter, parameters)}";
        }
        else
        {
            var rows = SqliteExpenseSql.TotalsRows(filter.From, filter.To, filter.CategoryId, filter.Tag, parameters);
            sql = $"SELECT COALESCE(SUM(expense_count), 0) AS Count, COALESCE(SUM(amount_paise), 0) AS Paise FROM ({rows})";
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var (count, paise) = await connection.QuerySingleAsync<(long Count, long Paise)>(sql, parameters);
        return new ExpenseTotals((int)count, new Money(paise));
    }

    /// <summary>Deletes the user's expenses, their tags, the stored (daily, monthly and per-day) totals and the bin, in one transaction.</summary>
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
            DELETE FROM deleted_expenses WHERE user_id = @userId;
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
            parameters.Add("from", SqliteExpenseSql.Day(from));
            parameters.Add("to", SqliteExpenseSql.Day(to));
        }
        else if (grouping == TotalsGrouping.Day)
        {
            var (table, where) = SqliteExpenseSql.TotalsWhere(from, to, categoryId, tag, parameters);
            sql = $"SELECT day AS Key, SUM(expense_count) AS Count, SUM(amount_paise) AS Paise FROM {table} WHERE {where} GROUP BY day";
        }
        else
        {
            var key = grouping == TotalsGrouping.Category ? "category_id" : "month";
            // A month read as its total less its days outside the range can leave a group with nothing in it.
            sql = $"SELECT {key} AS Key, SUM(expense_count) AS Count, SUM(amount_paise) AS Paise FROM ({SqliteExpenseSql.TotalsRows(from, to, categoryId, tag, parameters)}) "
                + $"GROUP BY {key} HAVING SUM(expense_count) <> 0";
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, long Count, long Paise)>(sql, parameters);
        return rows.Select(row => grouping switch
        {
            TotalsGrouping.Category => new GroupTotal(row.Key, null, (int)row.Count, new Money(row.Paise)),
            TotalsGrouping.Day => new GroupTotal(null, SqliteExpenseSql.ParseDay(row.Key), (int)row.Count, new Money(row.Paise)),
            _ => new GroupTotal(null, SqliteExpenseSql.ParseDay(row.Key + "-01"), (int)row.Count, new Money(row.Paise)),
        }).ToList();
    }

    /// <summary>Moves the stored totals, runs the budget check on the change, and commits the write with both.</summary>
    private async Task<IReadOnlyList<BudgetAlert>> ApplyAndCommitAsync(
        SqliteConnection connection, DbTransaction transaction, string userId, SqliteTotalsDelta totals, CancellationToken cancellationToken)
    {
        await totals.ApplyAsync(connection, transaction, userId);
        var alerts = await watcher.WatchAsync(new SqliteSpendingChange(connection, transaction, userId, totals.MonthlyChanges), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        watcher.Committed(alerts);
        return alerts;
    }

    private Expense NewExpense(ExpenseDraft draft) =>
        new(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), draft.Date, draft.Amount, draft.CategoryId, draft.Description, draft.Tags, 1);

    private async Task InsertAsync(SqliteConnection connection, DbTransaction transaction, string userId, Expense expense, string? createdAt = null)
    {
        var row = ExpenseRow.From(expense, userId);
        row.CreatedAt = createdAt ?? time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(
            """
            INSERT INTO expenses (user_id, id, day, amount_paise, category_id, description, tags, version, created_at)
            VALUES (@UserId, @Id, @Day, @AmountPaise, @CategoryId, @Description, @Tags, @Version, @CreatedAt)
            """,
            row,
            transaction);
        await InsertTagsAsync(connection, transaction, userId, expense);
    }

    /// <summary>An instant as stored: UTC, round-trip format, so that text order is time order.</summary>
    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static Task InsertTagsAsync(SqliteConnection connection, DbTransaction transaction, string userId, Expense expense) =>
        expense.Tags.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                "INSERT INTO expense_tags (user_id, expense_id, tag, day) VALUES (@userId, @id, @tag, @day)",
                expense.Tags.Select(tag => new { userId, id = expense.Id, tag, day = SqliteExpenseSql.Day(expense.Date) }),
                transaction);

    private static async Task<Expense> ReadForWriteAsync(SqliteConnection connection, DbTransaction transaction, string userId, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ExpenseRow>(
            $"SELECT {SqliteExpenseSql.Columns} FROM expenses WHERE user_id = @userId AND id = @id", new { userId, id }, transaction);
        return row?.ToExpense() ?? throw new NotFoundException("That expense does not exist.");
    }
}
