using Dapper;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.Sqlite;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Expenses;

public sealed class SqliteRangeTotalsTests : RangeTotalsContract, IDisposable
{
    private readonly SqliteStores sqlite = new();

    public void Dispose() => sqlite.Dispose();

    protected override async Task<IExpenseStore> CreateStoreAsync() => TestStores.Expenses(await sqlite.OpenAsync(), TimeProvider.System);
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbRangeTotalsTests(DynamoDbLocal engine) : RangeTotalsContract
{
    protected override Task<IExpenseStore> CreateStoreAsync() =>
        Task.FromResult<IExpenseStore>(TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System));
}

/// <summary>The monthly and per-day totals of SQLite are kept by triggers, and filled from the daily ones when an older database is upgraded.</summary>
public sealed class SqliteMonthlyTotalsTests : IDisposable
{
    private const string UserId = "monthly-user";

    private readonly SqliteStores sqlite = new();

    public void Dispose() => sqlite.Dispose();

    [Fact]
    public async Task UpgradingADatabaseFromBeforeTheMonthlyTotalsFillsThemFromTheDailyOnes()
    {
        var database = await sqlite.OpenAsync();
        var store = TestStores.Expenses(database, TimeProvider.System);
        await RangeTotalsContract.ArrangeHistoryWithEditsAndDeletesAsync(store, UserId);
        var before = await store.GetTotalsAsync(UserId, new ExpenseFilter(new DateOnly(2025, 1, 10), new DateOnly(2026, 10, 20), Tag: "work"));
        await using (var connection = await database.OpenAsync())
        {
            // The database as the previous schema left it: no per-category monthly or per-day tables, no triggers, version 4
            // (accounts came before them), and none of the imports or receipts that came after.
            await connection.ExecuteAsync(
                """
                DROP TRIGGER daily_totals_insert; DROP TRIGGER daily_totals_update; DROP TRIGGER daily_totals_delete;
                DROP TRIGGER daily_tag_totals_insert; DROP TRIGGER daily_tag_totals_update; DROP TRIGGER daily_tag_totals_delete;
                DROP TABLE monthly_category_totals; DROP TABLE monthly_tag_totals; DROP TABLE day_totals;
                DROP TABLE imports; DROP TABLE import_expenses; DROP TABLE import_mappings; DROP TABLE receipts; DROP TABLE deleted_expenses;
                PRAGMA user_version = 4;
                """);
        }

        await SqliteSchema.MigrateAsync(database);

        var after = await store.GetTotalsAsync(UserId, new ExpenseFilter(new DateOnly(2025, 1, 10), new DateOnly(2026, 10, 20), Tag: "work"));
        Assert.Equal(before, after);
        var (from, to) = (new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        var byDay = await store.GetGroupedTotalsAsync(UserId, from, to, TotalsGrouping.Day);
        Assert.Equal(RangeTotalsContract.Keyed(GroupTotal.Sum(await store.StoredDailyTotalsAsync(UserId, from, to), TotalsGrouping.Day)), RangeTotalsContract.Keyed(byDay));
        Assert.Equal((await RangeTotalsContract.AllAsync(store, UserId)).Count, (await store.GetTotalsAsync(UserId, ExpenseFilter.None)).Count);
    }
}
