namespace ExpenseTracker.Web.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddCurrentUser(this IServiceCollection services)
    {
        services.AddSingleton<ICurrentUser, ConfiguredUser>();
        return services;
    }
}
