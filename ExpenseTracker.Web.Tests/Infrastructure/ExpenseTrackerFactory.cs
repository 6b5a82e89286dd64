using ExpenseTracker.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// The real app on the in-memory test server, with its own SQLite file in a temporary folder
/// (deleted on dispose), and a clock the tests can set. <see cref="CreatePlainClient"/> is signed in as the default
/// account (<see cref="DefaultUserId"/>) through the real sign-in form.
/// </summary>
public class ExpenseTrackerFactory : WebApplicationFactory<Program>
{
    /// <summary>Every account the tests create has this password.</summary>
    public const string Password = "a long test passphrase";

    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-tests-").FullName;
    private readonly Lock defaultAccountLock = new();
    private Task? defaultAccount;

    /// <summary>Noon in India on 15 Nov 2026 unless a test moves it.</summary>
    public SettableTime Time { get; } = new(new DateTimeOffset(2026, 11, 15, 6, 30, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(folder, "expenses.db");

    public virtual string DefaultUserId => "test-user";

    public virtual string DefaultEmail => "test-user@example.com";

    /// <summary>
    /// Extra settings for a subclass (for example another store). They replace the test defaults below; a null value
    /// removes the test default and leaves the app's own setting.
    /// </summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Sqlite:Path", DatabasePath);
        var settings = Settings.ToDictionary(setting => setting.Key, setting => setting.Value, StringComparer.OrdinalIgnoreCase);
        // Tests register several people, and every test signs in at least once.
        settings.TryAdd("Accounts:Registration", "Open");
        settings.TryAdd("Accounts:RateLimit:PermitLimit", "100000");
        foreach (var (key, value) in settings.Where(setting => setting.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>A client signed in as the default account, which it creates on first use.</summary>
    public HttpClient CreatePlainClient() =>
        // Off the test's synchronization context, so that blocking on the sign-in cannot deadlock.
        Task.Run(() => CreateSignedInClientAsync()).GetAwaiter().GetResult();

    /// <summary>A client that follows no redirects and is not signed in.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in through the real sign-in form as <paramref name="email"/> (default: the default account).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string? email = null)
    {
        if (email is null)
        {
            await EnsureDefaultAccountAsync();
        }

        var client = CreateAnonymousClient();
        await client.SignInAsync(email ?? DefaultEmail, Password);
        return client;
    }

    /// <summary>
    /// Stores an account straight through the account store (as <see cref="ExpenseTrackerFactoryExtensions.AddAsync"/>
    /// stores expenses), whatever the registration mode, with <see cref="Password"/>. Returns its id.
    /// </summary>
    public async Task<string> CreateAccountAsync(string email, string? id = null)
    {
        using var scope = Services.CreateScope();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var account = new UserAccount
        {
            Id = id ?? Guid.NewGuid().ToString("N"),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email)!,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            CreatedAt = Time.GetUtcNow(),
        };
        account.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(account, Password);
        var created = await scope.ServiceProvider.GetRequiredService<IAccountStore>().CreateAsync(account, onlyIfNoAccountExists: false);
        return created == AccountCreation.Created ? account.Id : throw new InvalidOperationException($"Could not create {email}: {created}.");
    }

    /// <summary>A second (third...) person: an account and a client signed in as it.</summary>
    public async Task<(HttpClient Client, string UserId)> CreateUserAsync(string email)
    {
        var id = await CreateAccountAsync(email);
        return (await CreateSignedInClientAsync(email), id);
    }

    /// <summary>Creates the default account (<see cref="DefaultEmail"/>, <see cref="Password"/>) unless it exists, for signing in some other way.</summary>
    public Task EnsureDefaultAccountAsync()
    {
        lock (defaultAccountLock)
        {
            return defaultAccount ??= CreateDefaultAccountAsync();
        }
    }

    private async Task CreateDefaultAccountAsync()
    {
        // A factory on a database file another factory used before may find the account there already.
        if (await Services.GetRequiredService<IAccountStore>().FindByIdAsync(DefaultUserId) is null)
        {
            await CreateAccountAsync(DefaultEmail, DefaultUserId);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing request; the OS temp cleaner takes it later.
            }
        }
    }
}

public static class ExpenseTrackerFactoryExtensions
{
    public static Web.Expenses.IExpenseStore Expenses(this ExpenseTrackerFactory factory) =>
        factory.Services.GetRequiredService<Web.Expenses.IExpenseStore>();

    /// <summary>Stores an expense for the app's current user (or <paramref name="userId"/>) straight through the store.</summary>
    public static Task<Web.Expenses.Expense> AddAsync(this ExpenseTrackerFactory factory, ExpenseBuilder expense, string? userId = null) =>
        factory.Expenses().AddExpenseAsync(userId ?? factory.DefaultUserId, expense.Build());

    public static async Task<IReadOnlyList<Web.Expenses.Expense>> AllExpensesAsync(this ExpenseTrackerFactory factory, string? userId = null)
    {
        var page = await factory.Expenses().ListAsync(userId ?? factory.DefaultUserId, Web.Expenses.ExpenseFilter.None, null, 10_000);
        return page.Items;
    }
}
