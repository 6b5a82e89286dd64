using Dapper;

namespace ExpenseTracker.Web.Expenses.Sqlite;

/// <summary>
/// The bin that lets a delete be undone (<see cref="ExpenseBin"/>): a deleted expense is kept in <c>deleted_expenses</c>,
/// outside every list and total, until a restore brings it back or a purge empties it.
/// </summary>
public sealed partial class SqliteExpenseStore
{
    public async Task<Expense> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await ReadForWriteAsync(connection, transaction, userId, id);
        await connection.ExecuteAsync(
            """
            INSERT OR REPLACE INTO deleted_expenses (user_id, id, day, amount_paise, category_id, description, tags, version, created_at, deleted_at)
            SELECT user_id, id, day, amount_paise, category_id, description, tags, version, created_at, @deletedAt
            FROM expenses WHERE user_id = @userId AND id = @id;
            DELETE FROM expenses WHERE user_id = @userId AND id = @id;
            DELETE FROM expense_tags WHERE user_id = @userId AND expense_id = @id;
            """,
            new { userId, id, deletedAt = Instant(time.GetUtcNow()) },
            transaction);
        var totals = new SqliteTotalsDelta();
        totals.Add(current, -1);
        // A delete only lowers totals, so it never raises an alert; it goes the same way as every write all the same.
        await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
        return current;
    }

    public async Task<ExpenseWrite> RestoreAsync(string userId, string id, DateTimeOffset deletedSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExpenseRow>(
            $"SELECT {SqliteExpenseSql.Columns}, created_at AS CreatedAt FROM deleted_expenses WHERE user_id = @userId AND id = @id AND deleted_at >= @deletedSince",
            new { userId, id, deletedSince = Instant(deletedSince) },
            transaction) ?? throw new NotFoundException(ExpenseBin.GoneMessage);
        var deleted = row.ToExpense();
        var restored = deleted with { Version = deleted.Version + 1 };
        await connection.ExecuteAsync("DELETE FROM deleted_expenses WHERE user_id = @userId AND id = @id", new { userId, id }, transaction);
        await InsertAsync(connection, transaction, userId, restored, row.CreatedAt);
        var totals = new SqliteTotalsDelta();
        totals.Add(restored, +1);
        var alerts = await ApplyAndCommitAsync(connection, transaction, userId, totals, cancellationToken);
        return new ExpenseWrite(restored, alerts);
    }

    public async Task<IReadOnlyList<string>> PurgeDeletedAsync(string userId, DateTimeOffset deletedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var purged = await connection.QueryAsync<string>(
            "DELETE FROM deleted_expenses WHERE user_id = @userId AND deleted_at < @deletedBefore RETURNING id",
            new { userId, deletedBefore = Instant(deletedBefore) });
        return [.. purged];
    }
}
