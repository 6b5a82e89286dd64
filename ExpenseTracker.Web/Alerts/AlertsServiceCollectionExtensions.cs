namespace ExpenseTracker.Web.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Budgets, alert recording for the stores, and how alerts are delivered (a log Warning locally).</summary>
    public static IServiceCollection AddBudgetAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.Section)
            .Validate(options => options.IsValid(), "Alerts: DefaultBudget must be above 0 and at most 1 crore with at most two decimals, WarningPercent 0 to 99.")
            .ValidateOnStart();
        services.AddSingleton<AlertOutboxSignal>();
        services.AddSingleton<BudgetAlerting>();
        services.AddSingleton<IAlertDelivery, LogAlertDelivery>();
        services.AddScoped<BudgetOverview>();
        return services;
    }

    /// <summary>For a store whose outbox the app drains itself (SQLite): the dispatcher delivers its pending alerts.</summary>
    public static IServiceCollection AddAlertOutbox<TOutbox>(this IServiceCollection services)
        where TOutbox : class, IAlertOutbox
    {
        services.AddSingleton<IAlertOutbox>(provider => provider.GetRequiredService<TOutbox>());
        services.AddHostedService<AlertDispatcher>();
        return services;
    }
}
