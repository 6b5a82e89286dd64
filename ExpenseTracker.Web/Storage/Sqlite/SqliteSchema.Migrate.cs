using Dapper;

namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>Runs the migrations the database has not run yet, all in one transaction.</summary>
public static partial class SqliteSchema
{
    public static int LatestVersion => Migrations.Length;

    public static async Task MigrateAsync(SqliteDatabase database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;", transaction: transaction);
        for (var version = current; version < Migrations.Length; version++)
        {
            await connection.ExecuteAsync(Migrations[version], transaction: transaction);
            // PRAGMA takes no parameters; the value is our own loop counter.
            await connection.ExecuteAsync($"PRAGMA user_version = {version + 1};", transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
