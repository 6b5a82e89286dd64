using Dapper;
using ExpenseTracker.Web.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Receipts.Sqlite;

/// <summary>One row per receipt in <c>receipts</c>; attaching several is one transaction that also counts them.</summary>
public sealed class SqliteReceiptStore(SqliteDatabase database) : IReceiptStore
{
    private const string Columns = "id, expense_id, kind, size, file_name, has_thumbnail, state, created_at, changed_at";

    private const string Selected = "id AS Id, expense_id AS ExpenseId, kind AS Kind, size AS Size, file_name AS FileName, "
        + "has_thumbnail AS HasThumbnail, state AS State, created_at AS CreatedAt, changed_at AS ChangedAt";

    public async Task AddPendingAsync(string userId, Receipt receipt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"INSERT INTO receipts (user_id, {Columns}) VALUES (@userId, @Id, NULL, @Kind, @Size, @FileName, @HasThumbnail, @State, @CreatedAt, @ChangedAt)",
            new
            {
                userId,
                receipt.Id,
                Kind = receipt.Kind.ToString(),
                receipt.Size,
                receipt.FileName,
                receipt.HasThumbnail,
                State = nameof(ReceiptState.Pending),
                CreatedAt = Text(receipt.CreatedAt),
                ChangedAt = Text(receipt.ChangedAt),
            });
    }

    public async Task<Receipt?> FindAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Selected} FROM receipts WHERE user_id = @userId AND id = @id", new { userId, id });
        return row?.ToReceipt();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Receipt>>> ListAttachedAsync(
        string userId, IReadOnlyCollection<string> expenseIds, CancellationToken cancellationToken = default)
    {
        if (expenseIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<Receipt>>();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Selected} FROM receipts WHERE user_id = @userId AND expense_id IN @expenseIds AND state = 'Attached' ORDER BY created_at, id",
            new { userId, expenseIds });
        return rows.Select(row => row.ToReceipt()).GroupBy(receipt => receipt.ExpenseId!)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<Receipt>)group.ToList());
    }

    public async Task AttachAsync(string userId, string expenseId, IReadOnlyCollection<string> receiptIds, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var attached = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM receipts WHERE user_id = @userId AND expense_id = @expenseId AND state = 'Attached'", new { userId, expenseId }, transaction);
        if (attached + receiptIds.Count > ReceiptRules.MaxPerExpense)
        {
            throw new TooManyReceiptsException(attached);
        }

        var updated = await connection.ExecuteAsync(
            "UPDATE receipts SET expense_id = @expenseId, state = 'Attached', changed_at = @at WHERE user_id = @userId AND id IN @receiptIds AND state = 'Pending'",
            new { userId, expenseId, receiptIds = receiptIds.Distinct().ToList(), at = Text(at) },
            transaction);
        if (updated != receiptIds.Distinct().Count())
        {
            throw new NotFoundException("That upload is no longer waiting to be attached; choose the file again.");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Receipt>> DetachAsync(string userId, string expenseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        MoveAsync(userId, expenseId, ReceiptState.Attached, ReceiptState.Detached, at, cancellationToken);

    public Task<IReadOnlyList<Receipt>> ReattachAsync(string userId, string expenseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        MoveAsync(userId, expenseId, ReceiptState.Detached, ReceiptState.Attached, at, cancellationToken);

    public async Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync("DELETE FROM receipts WHERE user_id = @userId AND id = @id", new { userId, id }) == 0)
        {
            throw new NotFoundException("That receipt does not exist.");
        }
    }

    public async Task<IReadOnlyList<Receipt>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Selected} FROM receipts WHERE user_id = @userId ORDER BY created_at, id", new { userId });
        return rows.Select(row => row.ToReceipt()).ToList();
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM receipts WHERE user_id = @userId", new { userId });
    }

    private async Task<IReadOnlyList<Receipt>> MoveAsync(
        string userId, string expenseId, ReceiptState from, ReceiptState to, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"UPDATE receipts SET state = @to, changed_at = @at WHERE user_id = @userId AND expense_id = @expenseId AND state = @from RETURNING {Selected}",
            new { userId, expenseId, from = from.ToString(), to = to.ToString(), at = Text(at) });
        return rows.Select(row => row.ToReceipt()).OrderBy(receipt => receipt.CreatedAt).ToList();
    }

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>A row as Dapper reads it.</summary>
    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string? ExpenseId { get; set; }
        public string Kind { get; set; } = "";
        public long Size { get; set; }
        public string FileName { get; set; } = "";
        public long HasThumbnail { get; set; }
        public string State { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string ChangedAt { get; set; } = "";

        public Receipt ToReceipt() => new(
            Id, ExpenseId, Enum.Parse<ReceiptKind>(Kind), Size, FileName, HasThumbnail != 0, Enum.Parse<ReceiptState>(State), Time(CreatedAt), Time(ChangedAt));
    }
}
