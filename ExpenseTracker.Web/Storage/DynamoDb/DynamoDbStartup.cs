using Amazon.DynamoDBv2;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>Creates the table for a local run when asked to, and says which table the app uses.</summary>
public sealed class DynamoDbStartup(IAmazonDynamoDB client, IOptions<DynamoDbStorageOptions> settings, ILogger<DynamoDbStartup> logger) : IStoreStartup
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (options.CreateTableIfMissing)
        {
            await DynamoDbTable.CreateIfMissingAsync(client, options.TableName, cancellationToken);
        }

        logger.LogInformation(
            "Storing expenses in DynamoDB table {TableName} at {Endpoint}",
            options.TableName,
            options.ServiceUrl.Length > 0 ? options.ServiceUrl : "AWS");
    }
}
