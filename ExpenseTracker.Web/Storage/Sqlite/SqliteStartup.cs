namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>Brings the schema up to date before the app takes requests, and says where the data lives.</summary>
public sealed class SqliteStartup(SqliteDatabase database, ILogger<SqliteStartup> logger) : IStoreStartup
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SqliteSchema.MigrateAsync(database, cancellationToken);
        logger.LogInformation("Storing expenses in SQLite database {DatabasePath}", database.Path);
    }
}
