using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExpenseTracker.Web.Storage;

/// <summary>What a provider does before the app takes requests: bring its schema or table up to date, say where the data is.</summary>
public interface IStoreStartup
{
    Task StartAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs the chosen provider's <see cref="IStoreStartup"/>. Registered before every other hosted service, so that
/// nothing (the Data Protection key ring, the alert dispatcher) reads the store before its schema exists.
/// </summary>
public sealed class StoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.GetRequiredKeyedService<IStoreStartup>(services.ChosenProvider()).StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The chosen provider's own check that it can reach its data.</summary>
public sealed class StoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        services.GetRequiredKeyedService<IHealthCheck>(services.ChosenProvider()).CheckHealthAsync(context, cancellationToken);
}
