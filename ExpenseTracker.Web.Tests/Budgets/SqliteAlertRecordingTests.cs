using Dapper;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Storage.Sqlite;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;
using ExpenseFilter = ExpenseTracker.Web.Expenses.ExpenseFilter;

namespace ExpenseTracker.Web.Tests.Budgets;

/// <summary>What only the SQLite store can show: its schema upgrade and its savepoint around the alert.</summary>
public sealed class SqliteAlertRecordingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-alerts-").FullName;
    private readonly SqliteDatabase database;

    public SqliteAlertRecordingTests() => database = new SqliteDatabase(Path.Combine(folder, "expenses.db"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AnAlertThatCannotBeRecordedNeverCostsTheExpenseAndIsLoggedAsAnError()
    {
        await SqliteSchema.MigrateAsync(database);
        var logs = new LogCapture();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var alerting = new BudgetAlerting(Options.Create(new AlertOptions()), new AlertOutboxSignal(), loggerFactory.CreateLogger<BudgetAlerting>());
        var store = TestStores.Expenses(database, TimeProvider.System, alerting);
        await using (var connection = await database.OpenAsync())
        {
            // A broken outbox table: the insert of the alert fails inside the expense's transaction.
            await connection.ExecuteAsync("DROP TABLE budget_alerts; CREATE TABLE budget_alerts (user_id TEXT NOT NULL);");
        }

        var write = await store.AddAsync("someone", Expense.Costing(20_000).Build());

        Assert.Empty(write.Alerts);
        Assert.Equal(write.Expense, await store.FindAsync("someone", write.Expense.Id));
        Assert.Equal(20_000m, (await store.GetTotalsAsync("someone", ExpenseFilter.None)).Total.Rupees);
        var error = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains("the expense was saved without them", error.Message);
    }

    [Fact]
    public async Task AnExistingDatabaseGetsItsMonthlyTotalsFromItsDailyTotalsWhenUpgraded()
    {
        await SqliteSchema.MigrateAsync(database);
        var store = TestStores.Expenses(database, TimeProvider.System);
        await store.AddManyAsync("someone", [Expense.On(2026, 10, 3).Costing(4_000).Build(), Expense.On(2026, 11, 3).Costing(6_000).Build(), Expense.On(2026, 11, 9).Costing(3_500).Build()]);
        await using (var connection = await database.OpenAsync())
        {
            // Back to the schema just before budget alerts (migration 3), as an older database would be; the later
            // migrations' accounts, per-category monthly and per-day totals, imports and receipts go too, with the
            // triggers that keep them.
            await connection.ExecuteAsync(
                """
                DROP TRIGGER daily_totals_insert; DROP TRIGGER daily_totals_update; DROP TRIGGER daily_totals_delete;
                DROP TRIGGER daily_tag_totals_insert; DROP TRIGGER daily_tag_totals_update; DROP TRIGGER daily_tag_totals_delete;
                DROP TABLE monthly_category_totals; DROP TABLE monthly_tag_totals; DROP TABLE day_totals;
                DROP TABLE monthly_totals; DROP TABLE budget_settings; DROP TABLE budget_alerts; DROP TABLE accounts; DROP TABLE access_tokens;
                DROP TABLE imports; DROP TABLE import_expenses; DROP TABLE import_mappings; DROP TABLE receipts; DROP TABLE deleted_expenses;
                PRAGMA user_version = 2;
                """);
        }

        await SqliteSchema.MigrateAsync(database);

        await using var upgraded = await database.OpenAsync();
        var months = await upgraded.QueryAsync<(string Month, long Count, long Paise)>(
            "SELECT month, expense_count, amount_paise FROM monthly_totals WHERE user_id = 'someone' ORDER BY month");
        Assert.Equal([("2026-10", 1L, 400_000L), ("2026-11", 2L, 950_000L)], months);
        var write = await store.AddAsync("someone", Expense.On(2026, 11, 20).Costing(600).Build());
        Assert.Equal(1_010_000L, Assert.Single(write.Alerts).Total.Paise);
    }
}
