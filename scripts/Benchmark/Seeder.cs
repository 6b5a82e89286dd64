using System.Diagnostics;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Accounts.DynamoDb;
using ExpenseTracker.Web.Accounts.Sqlite;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExpenseTracker.Benchmark;

/// <param name="Elapsed">The measured user's expenses through the store's batch path, and nothing else.</param>
/// <param name="NoiseCount">Expenses of the other users, written the same way, untimed by the targets.</param>
public sealed record SeedResult(int Count, TimeSpan Elapsed, int NoiseCount, TimeSpan NoiseElapsed, DateOnly Today, string UserId);

/// <summary>
/// Fills a fresh store through the app's own store code, built from the same settings the app gets: the measured
/// user's expenses over three years, then other users' as noise, all through <see cref="IExpenseStore.AddManyAsync"/>.
/// </summary>
public static class Seeder
{
    public const int NoiseUsers = 3;

    /// <summary>Expenses per AddManyAsync call, as an import of a large file would hand them over.</summary>
    public const int BatchSize = 10_000;

    public static readonly string[] CustomCategoryNames = ["Pets", "Gifts", "Kids", "Subscriptions", "Home Repairs"];

    public static async Task<SeedResult> SeedAsync(
        IReadOnlyDictionary<string, string> settings, ILoadUser user, int count, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.Services.AddLogging();
        // The stores as Program.cs wires them: the clock, the configured provider, and the budget check every write runs.
        builder.Services.AddAppClock(builder.Configuration);
        builder.Services.AddStorage();
        builder.Services.AddExpenses();
        builder.Services.AddCategories();
        builder.Services.AddBudgets();
        // Where the load user's account is created; the rest of accounts (sign-in, cookies) is the app's.
        builder.Services.AddStore<IAccountStore, SqliteAccountStore, DynamoDbAccountStore>();
        using var host = builder.Build();
        // Runs the store's start-up (schema or table), exactly as the app does before its first request.
        await host.StartAsync(cancellationToken);
        try
        {
            var services = host.Services;
            var today = services.GetRequiredService<AppClock>().Today;
            var userId = await user.PrepareAsync(services, cancellationToken);
            var elapsed = await SeedUserAsync(services, userId, count, today, CustomCategoryNames, seed: 1, cancellationToken);

            var noiseCount = 0;
            var noiseElapsed = TimeSpan.Zero;
            for (var noise = 1; noise <= NoiseUsers; noise++)
            {
                var noiseSize = Math.Max(1, count / 10);
                noiseElapsed += await SeedUserAsync(
                    services, $"noise-user-{noise}", noiseSize, today, CustomCategoryNames[..2], seed: 1 + noise, cancellationToken);
                noiseCount += noiseSize;
            }

            var stored = await services.GetRequiredService<IExpenseStore>().GetTotalsAsync(userId, ExpenseFilter.None, cancellationToken);
            if (stored.Count != count)
            {
                throw new InvalidOperationException($"Seeded {count} expenses but the store counts {stored.Count}.");
            }

            return new SeedResult(count, elapsed, noiseCount, noiseElapsed, today, userId);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<TimeSpan> SeedUserAsync(
        IServiceProvider services, string userId, int count, DateOnly today, IEnumerable<string> customCategories, int seed,
        CancellationToken cancellationToken)
    {
        var custom = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<CategoryCatalog>();
            foreach (var name in customCategories)
            {
                custom.Add((await catalog.AddAsync(userId, name, cancellationToken)).Id);
            }
        }

        var drafts = new ExpenseGenerator(new Random(seed), today, custom).Take(count).ToList();
        var store = services.GetRequiredService<IExpenseStore>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var batch in drafts.Chunk(BatchSize))
        {
            await store.AddManyAsync(userId, batch, cancellationToken);
        }

        return stopwatch.Elapsed;
    }
}
