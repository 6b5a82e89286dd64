using Amazon.DynamoDBv2;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExpenseTracker.Web.Storage.DynamoDb;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// The app's table over one shared client (it pools connections and is thread-safe), created only when DynamoDB
    /// is the chosen provider, with its start-up (the table, for local runs) and health check. No alert outbox
    /// dispatcher: in AWS the table's stream and an EventBridge Pipe deliver the alert items.
    /// </summary>
    public static IServiceCollection AddDynamoDbProvider(this IServiceCollection services)
    {
        services.AddOptions<DynamoDbStorageOptions>().BindConfiguration(DynamoDbStorageOptions.Section);
        services.AddSingleton<IAmazonDynamoDB>(provider => DynamoDbClient.Create(provider.GetRequiredService<IOptions<DynamoDbStorageOptions>>().Value));
        services.AddSingleton(provider => new AppTable(
            provider.GetRequiredService<IAmazonDynamoDB>(), provider.GetRequiredService<IOptions<DynamoDbStorageOptions>>().Value.TableName));
        services.AddKeyedSingleton<IStoreStartup, DynamoDbStartup>(StorageProvider.DynamoDb);
        services.AddKeyedSingleton<IHealthCheck, DynamoDbHealthCheck>(StorageProvider.DynamoDb);
        return services;
    }
}
