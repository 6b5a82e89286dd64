using Dapper;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.ImportExport.Import.Sqlite;

/// <summary>Imports and saved settings in the SQLite file (tables imports, import_expenses, import_mappings).</summary>
public sealed class SqliteImportStore(SqliteDatabase database, TimeProvider time) : IImportStore
{
    public async Task SaveMappingAsync(string userId, string name, string settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO import_mappings (user_id, name_key, name, settings, updated_at) VALUES (@userId, @nameKey, @name, @settings, @updatedAt)
            ON CONFLICT (user_id, name_key) DO UPDATE SET name = excluded.name, settings = excluded.settings, updated_at = excluded.updated_at
            """,
            new { userId, nameKey = name.ToUpperInvariant(), name, settings, updatedAt = Now() });
    }

    public async Task<IReadOnlyList<SavedMapping>> ListMappingsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Settings)>(
            "SELECT name, settings FROM import_mappings WHERE user_id = @userId ORDER BY name_key", new { userId });
        return [.. rows.Select(row => new SavedMapping(row.Name, row.Settings))];
    }

    public async Task StartAsync(string userId, ImportRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO imports (user_id, id, file_name, created_at, expense_count) VALUES (@userId, @Id, @FileName, @createdAt, 0)",
            new { userId, record.Id, record.FileName, createdAt = Format(record.CreatedAt) });
    }

    public async Task AddExpensesAsync(string userId, string importId, int part, IReadOnlyList<string> expenseIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO import_expenses (user_id, import_id, part, expense_id) VALUES (@userId, @importId, @part, @expenseId)",
            expenseIds.Select(expenseId => new { userId, importId, part, expenseId }),
            transaction);
        await connection.ExecuteAsync(
            "UPDATE imports SET expense_count = expense_count + @count WHERE user_id = @userId AND id = @importId",
            new { userId, importId, count = expenseIds.Count },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ImportRecord>> ListAsync(string userId, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRow>(
            $"SELECT {Columns} FROM imports WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @max", new { userId, max });
        return [.. rows.Select(row => row.ToRecord())];
    }

    public async Task<ImportRecord?> FindAsync(string userId, string importId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(
            $"SELECT {Columns} FROM imports WHERE user_id = @userId AND id = @importId", new { userId, importId });
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<string>> ExpenseIdsAsync(string userId, string importId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(
            "SELECT expense_id FROM import_expenses WHERE user_id = @userId AND import_id = @importId ORDER BY part, expense_id", new { userId, importId })];
    }

    public async Task MarkUndoneAsync(string userId, string importId, DateTimeOffset undoneAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE imports SET undone_at = @undoneAt WHERE user_id = @userId AND id = @importId", new { userId, importId, undoneAt = Format(undoneAt) });
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            DELETE FROM import_expenses WHERE user_id = @userId;
            DELETE FROM imports WHERE user_id = @userId;
            DELETE FROM import_mappings WHERE user_id = @userId;
            """,
            new { userId });
    }

    private const string Columns = "id AS Id, file_name AS FileName, created_at AS CreatedAt, expense_count AS ExpenseCount, undone_at AS UndoneAt";

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed class ImportRow
    {
        public string Id { get; set; } = "";
        public string FileName { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public long ExpenseCount { get; set; }
        public string? UndoneAt { get; set; }

        public ImportRecord ToRecord() => new(Id, FileName, Parse(CreatedAt), (int)ExpenseCount, UndoneAt is null ? null : Parse(UndoneAt));

        private static DateTimeOffset Parse(string at) =>
            DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
