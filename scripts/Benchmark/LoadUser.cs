namespace ExpenseTracker.Benchmark;

/// <summary>
/// Who the load acts as: the one piece that changes when the app gets accounts. It says which user id the seeder
/// writes for, what the app process needs to know, and how the load client proves who it is.
/// </summary>
public interface ILoadUser
{
    /// <summary>Settings (configuration keys) the app process needs so that requests act as this user.</summary>
    IReadOnlyDictionary<string, string> AppSettings { get; }

    /// <summary>
    /// Makes the user exist in the fresh store, through the app's own services (<paramref name="services"/> hold the
    /// configured store), before the app starts; returns the user id the seeder writes for.
    /// </summary>
    Task<string> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Makes every request of <paramref name="client"/> act as this user; the app is running by now.</summary>
    Task AuthenticateAsync(HttpClient client, CancellationToken cancellationToken);
}

/// <summary>
/// Until accounts exist every request acts as the configured user (ExpenseTracker:DefaultUserId), so the benchmark
/// configures that id and the client sends no credentials.
/// </summary>
public sealed class ConfiguredLoadUser : ILoadUser
{
    public const string UserId = "benchmark-user";

    public IReadOnlyDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>
    {
        ["ExpenseTracker:DefaultUserId"] = UserId,
    };

    public Task<string> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult(UserId);

    public Task AuthenticateAsync(HttpClient client, CancellationToken cancellationToken) => Task.CompletedTask;
}
