using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Alerts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.DataProtection;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The name every provider gives its health check (the /healthz endpoint runs it).</summary>
    public const string StoreHealthCheckName = "store";

    /// <summary>Registers the store chosen by the "Storage" section (SQLite unless configured otherwise).</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddSqliteStore(options.Sqlite);
                break;
            case StorageProvider.DynamoDb:
                services.AddDynamoDbStore(options.DynamoDb);
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not available in this build.");
        }

        services.AddScoped<CategoryCatalog>();
        services.AddExceptionHandler<StoreExceptionHandler>();
        return services;
    }

    /// <summary>One instance serves as the store and as the eraser of that store's data when an account is deleted.</summary>
    private static void AddStoreWithEraser<TStore, TImplementation>(this IServiceCollection services)
        where TStore : class
        where TImplementation : class, TStore, IUserDataEraser
    {
        services.AddSingleton<TImplementation>();
        services.AddSingleton<TStore>(provider => provider.GetRequiredService<TImplementation>());
        services.AddSingleton<IUserDataEraser>(provider => provider.GetRequiredService<TImplementation>());
    }

    private static void AddSqliteStore(this IServiceCollection services, SqliteStorageOptions options)
    {
        services.AddSingleton(new SqliteDatabase(options.ResolvePath()));
        services.AddStoreWithEraser<IExpenseStore, SqliteExpenseStore>();
        services.AddStoreWithEraser<ICategoryStore, SqliteCategoryStore>();
        services.AddStoreWithEraser<IBudgetStore, SqliteBudgetStore>();
        services.AddStoreWithEraser<IAlertStore, SqliteAlertStore>();
        services.AddStoreWithEraser<IAccessTokenStore, SqliteAccessTokenStore>();
        services.AddSingleton<IAccountStore, SqliteAccountStore>();
        services.AddSingleton<IKeyRingStore, SqliteKeyRingStore>();
        services.AddHostedService<SqliteStartup>();
        // After SqliteStartup, so the schema is current when pending alerts are delivered at start-up.
        services.AddAlertOutbox<SqliteAlertStore>();
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>(StoreHealthCheckName);
    }
}
