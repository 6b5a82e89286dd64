using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The name of the store's health check (the /healthz endpoint runs it).</summary>
    public const string StoreHealthCheckName = "store";

    /// <summary>
    /// What every store stands on: the bound "Storage" options that choose the provider, each provider's own
    /// connection (opened only when chosen), its start-up and health check, and store failures answered as 4xx/503.
    /// The stores themselves are registered by their features, with <see cref="AddStore{TStore, TSqlite, TDynamoDb}"/>.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Validate(options => Enum.IsDefined(options.Provider), "Storage:Provider must be Sqlite or DynamoDb.")
            .ValidateOnStart();
        services.AddSqliteProvider();
        services.AddDynamoDbProvider();
        // At the head of the collection, so it starts before every other hosted service whatever the order of the
        // AddX calls: Data Protection's reads the key ring from the store at start-up, which on a first start would
        // otherwise find no table yet and log a failure.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StoreStartup>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheckName);
        services.AddExceptionHandler<StoreExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Registers a store with one implementation per provider; the app gets the one <see cref="StorageOptions.Provider"/>
    /// names. A store that keeps data per user (an <see cref="IUserDataEraser"/>) is also among the erasers that
    /// deleting an account runs.
    /// </summary>
    public static IServiceCollection AddStore<TStore, TSqlite, TDynamoDb>(this IServiceCollection services)
        where TStore : class
        where TSqlite : class, TStore
        where TDynamoDb : class, TStore
    {
        services.AddKeyedSingleton<TStore, TSqlite>(StorageProvider.Sqlite);
        services.AddKeyedSingleton<TStore, TDynamoDb>(StorageProvider.DynamoDb);
        services.AddSingleton(provider => provider.GetRequiredKeyedService<TStore>(provider.ChosenProvider()));
        if (typeof(IUserDataEraser).IsAssignableFrom(typeof(TStore)))
        {
            services.AddSingleton(provider => (IUserDataEraser)provider.GetRequiredService<TStore>());
        }

        return services;
    }

    /// <summary>The provider the bound options name.</summary>
    public static StorageProvider ChosenProvider(this IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
