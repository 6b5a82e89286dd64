using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Budgets.Sqlite;
using ExpenseTracker.Web.Storage.Sqlite;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;

namespace ExpenseTracker.Web.Tests.Budgets;

public sealed class AlertDeliveryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-alerts-").FullName;

    private string DatabasePath => Path.Combine(folder, "expenses.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AnAlertIsDeliveredAsOneLogWarningAndMarkedDelivered()
    {
        using var factory = new LoggingFactory();
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        await factory.Budgets().SaveAsync(factory.DefaultUserId, new BudgetSettings(Web.Expenses.Money.FromRupees(10_000), BudgetPeriod.CalendarMonth, 0));
        await factory.AddAsync(Expense.Costing(9_900));

        await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "200" }, htmx: true);
        await AlertFactoryExtensions.EventuallyAsync(async () => (await factory.Outbox().ListPendingAsync(10)).Count == 0 && factory.Logs.DeliveredAlerts.Count > 0, "the alert to be delivered");
        await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "300" }, htmx: true);

        Assert.Empty(await factory.Outbox().ListPendingAsync(10));
        var logged = Assert.Single(factory.Logs.DeliveredAlerts);
        Assert.StartsWith("Budget alert: your spending for November 2026 is ₹10,100.00, above your ₹10,000.00 budget.", logged);
        Assert.Contains($"user {factory.DefaultUserId}", logged);
    }

    [Fact]
    public async Task AnAlertCommittedWhileNoAppRanIsDeliveredOnStartUpAndOnlyOnce()
    {
        // The write commits and the process "dies" before any delivery: here no app is running at all.
        var database = new SqliteDatabase(DatabasePath);
        await SqliteSchema.MigrateAsync(database);
        var store = TestStores.Expenses(database, new SettableTime(new DateTimeOffset(2026, 11, 15, 6, 30, 0, TimeSpan.Zero)));
        var write = await store.AddAsync("test-user", Expense.Costing(12_000).Build());
        Assert.Single(write.Alerts);
        Assert.Single(await new SqliteAlertStore(database).ListPendingAsync(10));

        using (var first = new LoggingFactory(DatabasePath))
        {
            // Pending alerts go out before the app takes requests: once it is up, the delivery is done.
            _ = first.Services;

            Assert.StartsWith("Budget alert: your spending for November 2026 is ₹12,000.00", Assert.Single(first.Logs.DeliveredAlerts));
            Assert.Empty(await first.Outbox().ListPendingAsync(10));
        }

        using var second = new LoggingFactory(DatabasePath);
        _ = second.Services;

        Assert.Empty(second.Logs.DeliveredAlerts);
        Assert.Single(await second.AlertsOfAsync("test-user"));
    }

    [Fact]
    public async Task AFailedDeliveryLeavesTheAlertPendingAndTheExpenseSaved()
    {
        var database = new SqliteDatabase(DatabasePath);
        await SqliteSchema.MigrateAsync(database);
        var outbox = new SqliteAlertStore(database);
        var store = TestStores.Expenses(database, TimeProvider.System);
        await store.AddExpenseAsync("test-user", Expense.Costing(15_000).Build());
        var failing = new FailingDelivery();
        var dispatcher = new AlertDispatcher(
            outbox, [failing], new AlertOutboxSignal(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AlertDispatcher>.Instance);

        await dispatcher.StartAsync(CancellationToken.None);
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(1, failing.Attempts);
        Assert.Single(await outbox.ListPendingAsync(10));
        Assert.Single((await store.ListAsync("test-user", Web.Expenses.ExpenseFilter.None, null, 10)).Items);
    }

    /// <summary>A channel that is down (say, a mail server that refuses): the kind of failure the outbox exists for.</summary>
    private sealed class FailingDelivery : IAlertDelivery
    {
        public int Attempts { get; private set; }

        public Task DeliverAsync(PendingAlert pending, CancellationToken cancellationToken)
        {
            Attempts++;
            throw new IOException("The channel is down.");
        }
    }
}
