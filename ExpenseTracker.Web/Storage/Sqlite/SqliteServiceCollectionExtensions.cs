using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExpenseTracker.Web.Storage.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>The one database file every SQLite store opens, its start-up (the schema) and its health check.</summary>
    public static IServiceCollection AddSqliteProvider(this IServiceCollection services)
    {
        services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.Section);
        services.AddSingleton(provider => new SqliteDatabase(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.ResolvePath()));
        services.AddKeyedSingleton<IStoreStartup, SqliteStartup>(StorageProvider.Sqlite);
        services.AddKeyedSingleton<IHealthCheck, SqliteHealthCheck>(StorageProvider.Sqlite);
        return services;
    }
}
