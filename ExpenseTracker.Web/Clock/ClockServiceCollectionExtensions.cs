namespace ExpenseTracker.Web.Clock;

public static class ClockServiceCollectionExtensions
{
    public static IServiceCollection AddAppClock(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new AppClock(
            provider.GetRequiredService<TimeProvider>(),
            AppClock.FindZone(configuration["ExpenseTracker:TimeZone"] ?? "Asia/Kolkata")));
        return services;
    }
}
