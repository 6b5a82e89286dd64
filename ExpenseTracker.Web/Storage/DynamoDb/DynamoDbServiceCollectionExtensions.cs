using Amazon.DynamoDBv2;
using ExpenseTracker.Web.Accounts;
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
        services.AddSingleton<IAccountStore>(provider => new DynamoDbAccountStore(provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName));
        services.AddSingleton(provider => new DynamoDbAccessTokenStore(provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName));
        services.AddSingleton<IAccessTokenStore>(provider => provider.GetRequiredService<DynamoDbAccessTokenStore>());
        services.AddSingleton<IUserDataEraser>(provider => provider.GetRequiredService<DynamoDbAccessTokenStore>());
        // One eraser per store, each removing the kinds of item that store writes in the user's partition.
        services.AddUserDataEraser(
            options,
            ItemKeys.ExpensePrefix,
            ItemKeys.DailyTotalPrefix,
            ItemKeys.DayTotalPrefix,
            ItemKeys.MonthCategoryTotalPrefix,
            ItemKeys.TagTotalPrefix,
            ItemKeys.CategoryUsagePrefix,
            ItemKeys.MonthTotalPrefix,
            ItemKeys.GrandTotal);
        services.AddUserDataEraser(options, ItemKeys.CategoryPrefix, ItemKeys.CategoryNamePrefix);
        services.AddUserDataEraser(options, ItemKeys.Budget);
        services.AddUserDataEraser(options, AlertOutboxItem.SortKeyPrefix);
        services.AddHostedService<DynamoDbStartup>();
        services.AddHealthChecks().AddCheck<DynamoDbHealthCheck>(StorageServiceCollectionExtensions.StoreHealthCheckName);
        return services;
    }

    private static void AddUserDataEraser(this IServiceCollection services, DynamoDbStorageOptions options, params string[] sortKeyPrefixes) =>
        services.AddSingleton<IUserDataEraser>(provider =>
            new DynamoDbUserDataEraser(provider.GetRequiredService<IAmazonDynamoDB>(), options.TableName, sortKeyPrefixes));
}
