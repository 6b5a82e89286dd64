using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// The real app on the in-memory test server, with its own SQLite file in a temporary folder
/// (deleted on dispose), and a clock the tests can set.
/// </summary>
public class ExpenseTrackerFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-tests-").FullName;

    /// <summary>Noon in India on 15 Nov 2026 unless a test moves it.</summary>
    public SettableTime Time { get; } = new(new DateTimeOffset(2026, 11, 15, 6, 30, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(folder, "expenses.db");

    public string DefaultUserId => "test-user";

    /// <summary>Extra settings for a subclass (for example another store).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Sqlite:Path", DatabasePath);
        builder.UseSetting("ExpenseTracker:DefaultUserId", DefaultUserId);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

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
        factory.Expenses().AddAsync(userId ?? factory.DefaultUserId, expense.Build());

    public static async Task<IReadOnlyList<Web.Expenses.Expense>> AllExpensesAsync(this ExpenseTrackerFactory factory, string? userId = null)
    {
        var page = await factory.Expenses().ListAsync(userId ?? factory.DefaultUserId, Web.Expenses.ExpenseFilter.None, null, 10_000);
        return page.Items;
    }
}
