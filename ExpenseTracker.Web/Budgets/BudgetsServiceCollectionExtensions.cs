using ExpenseTracker.Web.Budgets.DynamoDb;
using ExpenseTracker.Web.Budgets.Sqlite;
using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Expenses.Sqlite;

namespace ExpenseTracker.Web.Budgets;

public static class BudgetsServiceCollectionExtensions
{
    /// <summary>
    /// Budgets, the check every expense write runs inside its transaction, the alerts it records, and their delivery
    /// (a log Warning locally; in AWS the table's stream and an EventBridge Pipe email them).
    /// </summary>
    public static IServiceCollection AddBudgets(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.Section)
            .Validate(options => options.IsValid(), "Alerts: DefaultBudget must be above 0 and at most 1 crore with at most two decimals, WarningPercent 0 to 99.")
            .ValidateOnStart();
        services.AddSingleton<AlertOutboxSignal>();
        services.AddSingleton<BudgetAlerting>();
        services.AddScoped<BudgetOverview>();
        services.AddStore<IBudgetStore, SqliteBudgetStore, DynamoDbBudgetStore>();
        services.AddStore<IAlertStore, SqliteAlertStore, DynamoDbAlertStore>();
        services.AddSingleton<ISqliteSpendingWatcher, SqliteBudgetWatcher>();
        services.AddSingleton<IDynamoDbSpendingWatcher, DynamoDbBudgetWatcher>();

        // Only SQLite has an outbox the app drains itself; with DynamoDB the dispatcher has nothing to do.
        services.AddKeyedSingleton<IAlertOutbox>(StorageProvider.Sqlite, (provider, _) => (SqliteAlertStore)provider.GetRequiredService<IAlertStore>());
        services.AddSingleton<IAlertDelivery, LogAlertDelivery>();
        services.AddHostedService(provider => new AlertDispatcher(
            provider.GetKeyedService<IAlertOutbox>(provider.ChosenProvider()),
            provider.GetServices<IAlertDelivery>(),
            provider.GetRequiredService<AlertOutboxSignal>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AlertDispatcher>>()));
        return services;
    }
}
