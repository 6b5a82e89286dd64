using Dapper;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Accounts.Sqlite;

public sealed class SqliteAccessTokenStore(SqliteDatabase database) : IAccessTokenStore
{
    public async Task AddAsync(string userId, AccessToken token, string secretHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO access_tokens (user_id, id, name, secret_hash, created_at) VALUES (@userId, @id, @name, @secretHash, @createdAt)",
            new { userId, id = token.Id, name = token.Name, secretHash, createdAt = token.CreatedAt.ToString("O", CultureInfo.InvariantCulture) });
    }

    public async Task<IReadOnlyList<AccessToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Name, string CreatedAt)>(
            "SELECT id, name, created_at FROM access_tokens WHERE user_id = @userId ORDER BY created_at, id", new { userId });
        return rows.Select(row => new AccessToken(row.Id, row.Name, DateTimeOffset.Parse(row.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)))
            .ToList();
    }

    public async Task RevokeAsync(string userId, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync("DELETE FROM access_tokens WHERE user_id = @userId AND id = @id", new { userId, id });
        if (deleted == 0)
        {
            throw new NotFoundException("That token does not exist.");
        }
    }

    public async Task<string?> FindUserIdAsync(string secretHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT user_id FROM access_tokens WHERE secret_hash = @secretHash", new { secretHash });
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM access_tokens WHERE user_id = @userId", new { userId });
    }
}
