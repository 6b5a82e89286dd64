using Dapper;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.DataProtection.Sqlite;

public sealed class SqliteKeyRingStore(SqliteDatabase database, TimeProvider time) : IKeyRingStore
{
    public async Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        return keys.ToList();
    }

    public async Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A second write of the same key (a retry) keeps the first: keys never change once written.
        await connection.ExecuteAsync(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @createdAt) ON CONFLICT (name) DO NOTHING",
            new { name, xml, createdAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) });
    }
}
