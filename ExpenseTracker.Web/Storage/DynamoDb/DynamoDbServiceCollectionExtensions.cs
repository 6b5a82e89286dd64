using Amazon.DynamoDBv2;
using ExpenseTracker.Web.Alerts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.DataProtection;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Storage.DynamoDb;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// The DynamoDB stores over one shared client (it pools connections and is thread-safe). No alert outbox
    /// dispatcher: in AWS the table's stream and an EventBridge Pipe deliver the alert items.
    /// </summary>
    public static IServiceCollection AddDynamoDbStore(this IServiceCollection services, DynamoDbStorageOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<IAmazonDynamoDB>(_ => DynamoDbClient.Create(options));
        services.AddSingleton<IExpenseStore>(provider => new DynamoDbExpenseStore(
            provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<BudgetAlerting>()));
        services.AddSingleton<ICategoryStore>(provider => new DynamoDbCategoryStore(provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName));
        services.AddSingleton<IBudgetStore>(provider => new DynamoDbBudgetStore(
            provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<BudgetAlerting>()));
        services.AddSingleton<IAlertStore>(provider => new DynamoDbAlertStore(provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName));
        services.AddSingleton<IKeyRingStore>(provider => new DynamoDbKeyRingStore(
            provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName, provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<DynamoDbStartup>();
        services.AddHealthChecks().AddCheck<DynamoDbHealthCheck>(StorageServiceCollectionExtensions.StoreHealthCheckName);
        return services;
    }
}
