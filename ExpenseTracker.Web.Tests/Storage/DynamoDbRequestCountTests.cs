using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>How many requests each store call costs, counted on the wire to DynamoDB Local.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbRequestCountTests : IDisposable
{
    private readonly CountingHttpClientFactory requests = new();
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB countedClient;
    private readonly DynamoDbExpenseStore counted;
    private readonly DynamoDbExpenseStore seeding;
    private readonly string user = NewUserId();

    public DynamoDbRequestCountTests(DynamoDbLocal engine)
    {
        countedClient = engine.CreateClient(config => config.HttpClientFactory = requests);
        counted = TestStores.Expenses(countedClient, engine.TableName, TimeProvider.System);
        seeding = TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System);
    }

    public void Dispose() => countedClient.Dispose();

    [Fact]
    public async Task ListingOnePageIsOneQuery()
    {
        await seeding.AddManyAsync(user, Enumerable.Range(0, 60).Select(i => Draft($"2026-03-{1 + (i % 28):00}", 10 + i)).ToList());

        var first = await CountAsync(() => counted.ListAsync(user, ExpenseFilter.None, null, 25));
        var second = await CountAsync(() => counted.ListAsync(user, ExpenseFilter.None, first.Result.NextCursor, 25));
        var byDate = await CountAsync(() => counted.ListAsync(user, new ExpenseFilter(Day("2026-03-05"), Day("2026-03-20")), null, 25));

        Assert.Equal(["Query"], first.Requests);
        Assert.Equal(["Query"], second.Requests);
        Assert.Equal(["Query"], byDate.Requests);
        Assert.Equal(25, second.Result.Items.Count);
    }

    [Fact]
    public async Task AYearOfDailyTotalsIsOneQueryHoweverManyExpensesThereAre()
    {
        var (from, to) = (Day("2026-01-01"), Day("2026-12-31"));
        var few = NewUserId();
        await seeding.AddManyAsync(few, SpreadOverTheYear(20));
        await seeding.AddManyAsync(user, SpreadOverTheYear(2000));

        var forFew = await CountAsync(() => counted.GetGroupedTotalsAsync(few, from, to, TotalsGrouping.Day));
        var forMany = await CountAsync(() => counted.GetGroupedTotalsAsync(user, from, to, TotalsGrouping.Day));
        var perTag = await CountAsync(() => counted.GetGroupedTotalsAsync(user, from, to, TotalsGrouping.Day, tag: "work"));
        var totals = await CountAsync(() => counted.GetTotalsAsync(user, new ExpenseFilter(from, to, "food")));

        Assert.Equal(["Query"], forFew.Requests);
        Assert.Equal(["Query"], forMany.Requests);
        Assert.Equal(["Query"], perTag.Requests);
        Assert.Equal(["Query"], totals.Requests);
        Assert.Equal(2000, forMany.Result.Sum(total => total.Count));
    }

    [Fact]
    public async Task TotalsAndSummariesReadAnItemPerMonthOrDayOfTheirRangeNotOnePerExpense()
    {
        // 2,000 expenses: every day of 2026 in 4 categories, a third of them tagged "work".
        await seeding.AddManyAsync(user, SpreadOverTheYear(2000));
        var (from, to) = (Day("2026-01-01"), Day("2026-12-31"));

        var allTime = await ScannedAsync(() => counted.GetTotalsAsync(user, ExpenseFilter.None));
        var cutMonths = await ScannedAsync(() => counted.GetTotalsAsync(user, new ExpenseFilter(Day("2026-01-15"), Day("2026-11-20"))));
        var oneCategory = await ScannedAsync(() => counted.GetTotalsAsync(user, new ExpenseFilter(CategoryId: "food")));
        var byCategory = await ScannedAsync(() => counted.GetGroupedTotalsAsync(user, from, to, TotalsGrouping.Category));
        var byMonth = await ScannedAsync(() => counted.GetGroupedTotalsAsync(user, from, to, TotalsGrouping.Month));
        var byDay = await ScannedAsync(() => counted.GetGroupedTotalsAsync(user, from, to, TotalsGrouping.Day));
        var byMonthWithTag = await ScannedAsync(() => counted.GetGroupedTotalsAsync(user, from, to, TotalsGrouping.Month, tag: "work"));

        Assert.Equal((2000, 12), (allTime.Result.Count, allTime.Scanned));
        // 11 months, less 14 days of January and 10 of November.
        Assert.Equal(11 + 14 + 10, cutMonths.Scanned);
        // A category is a filter over the month-and-category items: 12 months × 4 categories.
        Assert.Equal((500, 48), (oneCategory.Result.Count, oneCategory.Scanned));
        Assert.Equal((4, 48), (byCategory.Result.Count, byCategory.Scanned));
        Assert.Equal((12, 12), (byMonth.Result.Count, byMonth.Scanned));
        Assert.Equal((365, 365), (byDay.Result.Count, byDay.Scanned));
        Assert.Equal((12, 48), (byMonthWithTag.Result.Count, byMonthWithTag.Scanned));
    }

    [Fact]
    public async Task EveryWriteIsOneReadAndOneTransaction()
    {
        var add = await CountAsync(() => counted.AddExpenseAsync(user, Draft("2026-03-10", 100, "food", "", "work", "home")));
        var update = await CountAsync(() => counted.UpdateExpenseAsync(user, add.Result.Id, 1, Draft("2026-04-11", 200, "transport", "", "trip")));
        var delete = await CountAsync(async () =>
        {
            await counted.DeleteAsync(user, add.Result.Id);
            return true;
        });

        // An add or edit reads the budget and the totals it may raise with its own read: one BatchGetItem.
        Assert.Equal(["BatchGetItem", "TransactWriteItems"], add.Requests);
        Assert.Equal(["BatchGetItem", "TransactWriteItems"], update.Requests);
        Assert.Equal(["GetItem", "TransactWriteItems"], delete.Requests);
    }

    [Fact]
    public async Task AWriteThatCrossesABudgetLineReadsOnceMoreToSeeWhetherTheAlertIsNew()
    {
        await seeding.AddExpenseAsync(user, Draft("2026-03-10", 9_000));

        var crossing = await CountAsync(() => counted.AddAsync(user, Draft("2026-03-11", 2_000)));

        Assert.Single(crossing.Result.Alerts);
        Assert.Equal(["BatchGetItem", "BatchGetItem", "TransactWriteItems"], crossing.Requests);
    }

    private static List<ExpenseDraft> SpreadOverTheYear(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Draft(
                ExpenseForm.FormatDate(Day("2026-01-01").AddDays(i % 365)),
                1 + (i % 500),
                (i % 4) switch { 0 => "food", 1 => "transport", 2 => "bills", _ => "groceries" },
                "",
                i % 3 == 0 ? ["work"] : []))
            .ToList();

    private async Task<(T Result, int Scanned)> ScannedAsync<T>(Func<Task<T>> call)
    {
        requests.Reset();
        var result = await call();
        return (result, requests.ItemsScanned);
    }

    private async Task<(T Result, IReadOnlyList<string> Requests)> CountAsync<T>(Func<Task<T>> call)
    {
        requests.Reset();
        var result = await call();
        return (result, requests.Operations);
    }
}
