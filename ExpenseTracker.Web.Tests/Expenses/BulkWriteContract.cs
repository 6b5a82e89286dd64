using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;

namespace ExpenseTracker.Web.Tests.Expenses;

/// <summary>
/// The bulk writes imports and restores stand on, on every <see cref="IExpenseStore"/>: a bulk add answers with what it
/// stored, a bulk delete takes exactly the given expenses and their totals away, a restore stores expenses as they were.
/// </summary>
public abstract class BulkWriteContract : IAsyncLifetime
{
    private static readonly DateOnly YearStart = Day("2026-01-01");
    private static readonly DateOnly YearEnd = Day("2026-12-31");

    protected IExpenseStore Store { get; private set; } = null!;

    protected string User { get; } = NewUserId();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IExpenseStore> CreateStoreAsync();

    [Fact]
    public async Task ABulkAddAnswersWithTheStoredExpensesInTheOrderTheyWereGiven()
    {
        List<ExpenseDraft> drafts = [Draft("2026-03-12", 30, "food", "third"), Draft("2026-03-10", 10, "bills", "first"), Draft("2026-03-11", 20, "food", "second", "work")];

        var (added, _) = await Store.AddManyAsync(User, drafts);

        Assert.Equal(drafts, added.Select(expense => new ExpenseDraft(expense.Date, expense.Amount, expense.CategoryId, expense.Description, expense.Tags)));
        Assert.Equal(3, added.Select(expense => expense.Id).Distinct().Count());
        foreach (var expense in added)
        {
            Assert.Equal(expense, await Store.FindAsync(User, expense.Id));
        }
    }

    [Fact]
    public async Task ABulkDeleteTakesAwayExactlyTheGivenExpensesWithTheirTotals()
    {
        var random = new Random(11);
        var (added, _) = await Store.AddManyAsync(User, [.. Enumerable.Range(0, 260).Select(i => Draft(
            ExpenseTracker.Web.Expenses.ExpenseForm.FormatDate(YearStart.AddDays(random.Next(120))), 1 + random.Next(5_000), i % 3 == 0 ? "bills" : "food", $"row {i}", i % 4 == 0 ? "work" : "home"))]);
        var doomed = added.Where((_, index) => index % 2 == 0).ToList();
        var kept = added.Except(doomed).ToList();

        var deleted = await Store.DeleteManyAsync(User, [.. doomed.Select(expense => expense.Id), "0123456789abcdef0123456789abcdef", doomed[0].Id]);

        Assert.Equal(doomed.Count, deleted);
        Assert.Equal(InListOrder(kept), await ListAllAsync(Store, User, pageSize: 100));
        await AssertTotalsMatchAsync(kept);
        Assert.Equal(0, await Store.DeleteManyAsync(User, [.. doomed.Select(expense => expense.Id)]));
    }

    [Fact]
    public async Task ABulkDeleteOfAnotherPersonsIdsDeletesNothing()
    {
        var (theirs, _) = await Store.AddManyAsync(User + "-other", [Draft("2026-03-10", 10), Draft("2026-03-11", 20)]);

        Assert.Equal(0, await Store.DeleteManyAsync(User, [.. theirs.Select(expense => expense.Id)]));

        Assert.Equal(2, (await ListAllAsync(Store, User + "-other")).Count);
    }

    [Fact]
    public async Task ARestoreStoresExpensesWithTheirIdsVersionsAndTotalsAndRaisesNoAlert()
    {
        var expenses = Enumerable.Range(0, 150).Select(i => new Expense(
            Guid.CreateVersion7().ToString("N"), YearStart.AddDays(i % 90), Money.FromRupees(5_000 + i), i % 2 == 0 ? "food" : "travel",
            i % 5 == 0 ? "" : $"restored {i}", i % 3 == 0 ? ["trip", "work"] : [], 1 + (i % 4))).ToList();

        await Store.RestoreManyAsync(User, expenses);

        Assert.Equal(InListOrder(expenses), await ListAllAsync(Store, User, pageSize: 100));
        await AssertTotalsMatchAsync(expenses);
        // Far above the default budget, and still no alert: a restore brings back the backup's own.
        Assert.Empty((await Store.AddAsync(User, Draft("2026-12-30", 1))).Alerts);
    }

    [Fact]
    public async Task ARestoreOfAnIdAlreadyStoredIsAConflict()
    {
        var stored = await Store.AddExpenseAsync(User, Draft("2026-03-10", 10));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.RestoreManyAsync(User, [stored with { Amount = Money.FromRupees(99) }]));

        Assert.Equal(stored, await Store.FindAsync(User, stored.Id));
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(10)), await Store.GetTotalsAsync(User, ExpenseFilter.None));
    }

    private async Task AssertTotalsMatchAsync(IReadOnlyCollection<Expense> expenses)
    {
        Assert.Equal(Totals(expenses, ExpenseFilter.None), await Store.GetTotalsAsync(User, ExpenseFilter.None));
        Assert.Equal(DailyTotals(expenses, YearStart, YearEnd), await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd));
        foreach (var tag in new[] { "work", "home", "trip" })
        {
            Assert.Equal(DailyTotals(expenses, YearStart, YearEnd, tag: tag), await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd, tag: tag));
        }
    }
}

public sealed class SqliteBulkWriteTests : BulkWriteContract, IDisposable
{
    private readonly SqliteStores sqlite = new();

    public void Dispose() => sqlite.Dispose();

    protected override async Task<IExpenseStore> CreateStoreAsync() => TestStores.Expenses(await sqlite.OpenAsync(), TimeProvider.System);
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbBulkWriteTests(DynamoDbLocal engine) : BulkWriteContract
{
    protected override Task<IExpenseStore> CreateStoreAsync() =>
        Task.FromResult<IExpenseStore>(TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System));
}
