using Dapper;
using ExpenseTracker.Web.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Categories.Sqlite;

public sealed class SqliteCategoryStore(SqliteDatabase database) : ICategoryStore
{
    // SQLite's extended code for a UNIQUE constraint failure.
    private const int UniqueConstraintFailed = 2067;

    // ... and for a PRIMARY KEY one (a restored id already taken).
    private const int PrimaryKeyTaken = 1555;

    public async Task<IReadOnlyList<Category>> ListCustomAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Name)>(
            "SELECT id, name FROM categories WHERE user_id = @userId ORDER BY name_key", new { userId });
        return rows.Select(row => new Category(row.Id, row.Name)).ToList();
    }

    public async Task<Category> AddAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var category = new Category("c" + Guid.CreateVersion7().ToString("N")[..16], name);
        await RestoreAsync(userId, category, cancellationToken);
        return category;
    }

    public async Task RestoreAsync(string userId, Category category, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await WithUniqueNameAsync(category.Name, () => connection.ExecuteAsync(
            "INSERT INTO categories (user_id, id, name, name_key) VALUES (@userId, @id, @name, @nameKey)",
            new { userId, id = category.Id, name = category.Name, nameKey = NameKey(category.Name) }));
    }

    public async Task<Category> RenameAsync(string userId, string id, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await WithUniqueNameAsync(name, () => connection.ExecuteAsync(
            "UPDATE categories SET name = @name, name_key = @nameKey WHERE user_id = @userId AND id = @id",
            new { userId, id, name, nameKey = NameKey(name) }));
        return changed == 1 ? new Category(id, name) : throw new NotFoundException("That category does not exist.");
    }

    public async Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM categories WHERE user_id = @userId AND id = @id", new { userId, id }, transaction)
            ?? throw new NotFoundException("That category does not exist.");
        var used = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM expenses WHERE user_id = @userId AND category_id = @id", new { userId, id }, transaction);
        if (used > 0)
        {
            throw new CategoryInUseException(name, used);
        }

        await connection.ExecuteAsync("DELETE FROM categories WHERE user_id = @userId AND id = @id", new { userId, id }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM categories WHERE user_id = @userId", new { userId });
    }

    private static string NameKey(string name) => name.ToUpperInvariant();

    private static async Task<int> WithUniqueNameAsync(string name, Func<Task<int>> write)
    {
        try
        {
            return await write();
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode is UniqueConstraintFailed or PrimaryKeyTaken)
        {
            throw new DuplicateNameException($"You already have a category called \"{name}\".");
        }
    }
}
