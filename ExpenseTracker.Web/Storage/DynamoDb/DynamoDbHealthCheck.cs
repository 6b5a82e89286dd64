using Amazon.DynamoDBv2;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// Healthy when the table answers, takes reads and writes, and has the by-date index the lists query. One
/// DescribeTable: the Web Adapter asks once per cold start, and it reads no user's data.
/// </summary>
public sealed class DynamoDbHealthCheck(AppTable table) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var description = (await table.Client.DescribeTableAsync(table.Name, cancellationToken)).Table;
            if (description.TableStatus != TableStatus.ACTIVE && description.TableStatus != TableStatus.UPDATING)
            {
                return HealthCheckResult.Unhealthy($"The table is {description.TableStatus}.");
            }

            return description.LocalSecondaryIndexes?.Any(index => index.IndexName == DynamoDbTable.ByDateIndex) == true
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The table has no index {DynamoDbTable.ByDateIndex}.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The table cannot be reached.", exception);
        }
    }
}
