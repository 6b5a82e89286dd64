using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>Healthy when the database file opens and its schema is the one this build expects.</summary>
public sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;");
            return version == SqliteSchema.LatestVersion
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Schema version {version}, expected {SqliteSchema.LatestVersion}.");
        }
        catch (SqliteException exception)
        {
            return HealthCheckResult.Unhealthy("The database cannot be opened.", exception);
        }
    }
}
