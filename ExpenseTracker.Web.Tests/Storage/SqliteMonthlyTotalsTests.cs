using System.Globalization;
using Dapper;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>
/// Totals over a range read whole months from the monthly totals and a month the range cuts as its days inside or as
/// the month less its days outside, and spending by day reads the per-day totals of all categories. Whatever the range, and after adds, edits and deletes,
/// they equal sums computed here from the stored expenses themselves.
/// </summary>
public sealed class SqliteMonthlyTotalsTests : IDisposable
{
    private const string UserId = "monthly-user";
    private static readonly string[] Categories = ["food", "groceries", "transport", "rent"];
    private static readonly string[] TagChoices = ["", "work", "trip", "work, trip"];

    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-monthly-").FullName;
    private readonly SqliteDatabase database;
    private readonly SqliteExpenseStore store;

    public SqliteMonthlyTotalsTests()
    {
        database = new SqliteDatabase(Path.Combine(folder, "expenses.db"));
        store = new SqliteExpenseStore(database, TimeProvider.System);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static TheoryData<string?, string?, string?, string?> Ranges => new()
    {
        { null, null, null, null },
        { null, null, "food", null },
        { null, null, null, "work" },
        { "2025-01-01", "2026-12-31", null, null },
        { "2025-01-15", "2026-11-20", null, null },
        { "2025-01-15", "2026-11-20", "groceries", "trip" },
        { "2025-03-01", "2025-03-31", null, null },
        { "2025-03-05", "2025-03-25", "transport", null },
        { "2025-12-31", "2026-01-01", null, null },
        { "2025-02-10", null, null, "work" },
        { null, "2025-06-30", "rent", null },
        { null, "2025-06-29", null, null },
        { "2025-04-02", "2025-04-29", "food", null },
        { "2025-04-02", "2025-04-29", null, "trip" },
        { "2025-05-01", "2025-05-20", null, null },
        { "2025-08-20", "2025-09-10", null, null },
        { "2025-08-03", "2025-10-28", "groceries", null },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task TotalsOverAnyRangeEqualTheSumsOfTheStoredExpensesAfterAddsEditsAndDeletes(string? from, string? to, string? category, string? tag)
    {
        await ArrangeHistoryWithEditsAndDeletesAsync();
        var filter = new ExpenseFilter(Date(from), Date(to), category, tag);

        var totals = await store.GetTotalsAsync(UserId, filter);

        var matching = await MatchingAsync(filter);
        Assert.Equal(matching.Count, totals.Count);
        Assert.Equal(matching.Sum(expense => expense.Amount.Paise), totals.Total.Paise);
        Assert.True(totals.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task GroupedTotalsEqualTheSumsOfTheStoredExpensesAndWhatTheDailyTotalsGive(string? from, string? to, string? category, string? tag)
    {
        await ArrangeHistoryWithEditsAndDeletesAsync();
        var (start, end) = (Date(from) ?? new DateOnly(2024, 1, 1), Date(to) ?? new DateOnly(2027, 12, 31));
        var matching = await MatchingAsync(new ExpenseFilter(start, end, category, tag));
        var daily = await store.GetDailyTotalsAsync(UserId, start, end, category, tag);

        foreach (var grouping in Enum.GetValues<TotalsGrouping>())
        {
            var grouped = await store.GetGroupedTotalsAsync(UserId, start, end, grouping, category, tag);

            var expected = matching
                .GroupBy(expense => grouping switch
                {
                    TotalsGrouping.Category => expense.CategoryId,
                    TotalsGrouping.Day => Format(expense.Date),
                    _ => Format(new DateOnly(expense.Date.Year, expense.Date.Month, 1)),
                })
                .Select(group => (group.Key, group.Count(), group.Sum(expense => expense.Amount.Paise)))
                .Order()
                .ToList();
            Assert.Equal(expected, Keyed(grouped));
            Assert.Equal(Keyed(GroupTotal.Sum(daily, grouping)), Keyed(grouped));
        }
    }

    [Fact]
    public async Task UpgradingADatabaseFromBeforeTheMonthlyTotalsFillsThemFromTheDailyOnes()
    {
        await ArrangeHistoryWithEditsAndDeletesAsync();
        var before = await store.GetTotalsAsync(UserId, new ExpenseFilter(new DateOnly(2025, 1, 10), new DateOnly(2026, 10, 20), Tag: "work"));
        await using (var connection = await database.OpenAsync())
        {
            // The database as the previous schema left it: no per-category monthly or per-day tables, no triggers, version 4 (accounts came before them).
            await connection.ExecuteAsync(
                """
                DROP TRIGGER daily_totals_insert; DROP TRIGGER daily_totals_update; DROP TRIGGER daily_totals_delete;
                DROP TRIGGER daily_tag_totals_insert; DROP TRIGGER daily_tag_totals_update; DROP TRIGGER daily_tag_totals_delete;
                DROP TABLE monthly_category_totals; DROP TABLE monthly_tag_totals; DROP TABLE day_totals;
                PRAGMA user_version = 4;
                """);
        }

        await SqliteSchema.MigrateAsync(database);

        var after = await store.GetTotalsAsync(UserId, new ExpenseFilter(new DateOnly(2025, 1, 10), new DateOnly(2026, 10, 20), Tag: "work"));
        Assert.Equal(before, after);
        var (from, to) = (new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        var byDay = await store.GetGroupedTotalsAsync(UserId, from, to, TotalsGrouping.Day);
        Assert.Equal(Keyed(GroupTotal.Sum(await store.GetDailyTotalsAsync(UserId, from, to), TotalsGrouping.Day)), Keyed(byDay));
        Assert.Equal((await MatchingAsync(ExpenseFilter.None)).Count, (await store.GetTotalsAsync(UserId, ExpenseFilter.None)).Count);
    }

    /// <summary>
    /// Two years of expenses with tags, another user's on the same days, then edits that move expenses to another
    /// month, category and tags, and deletes that empty some days.
    /// </summary>
    private async Task ArrangeHistoryWithEditsAndDeletesAsync()
    {
        await SqliteSchema.MigrateAsync(database);
        var random = new Random(20261122);
        var drafts = Enumerable.Range(0, 400).Select(_ => new ExpenseDraft(
            new DateOnly(2025, 1, 1).AddDays(random.Next(730)),
            new Money(random.Next(100, 500_000)),
            Categories[random.Next(Categories.Length)],
            "",
            Tags.Parse(TagChoices[random.Next(TagChoices.Length)]))).ToList();
        await store.AddManyAsync(UserId, drafts);
        await store.AddManyAsync("someone-else", drafts.Take(100).ToList());

        var stored = (await store.ListAsync(UserId, ExpenseFilter.None, null, 1_000)).Items;
        foreach (var expense in stored.Take(40))
        {
            var moved = new ExpenseDraft(expense.Date.AddDays(45), expense.Amount + new Money(123), Categories[random.Next(Categories.Length)], "", Tags.Parse("trip"));
            await store.UpdateAsync(UserId, expense.Id, expense.Version, moved);
        }

        foreach (var expense in stored.Skip(40).Take(30))
        {
            await store.DeleteAsync(UserId, expense.Id);
        }

        // Expenses on both sides of a year's end and a month's end.
        await store.AddAsync(UserId, new ExpenseDraft(new DateOnly(2025, 3, 31), new Money(999), "food", "", Tags.Parse("work")));
        await store.AddAsync(UserId, new ExpenseDraft(new DateOnly(2025, 12, 31), new Money(1_500), "rent", "", Tags.Parse("trip")));
        await store.AddAsync(UserId, new ExpenseDraft(new DateOnly(2026, 1, 1), new Money(2_500), "food", "", []));
    }

    private async Task<List<Expense>> MatchingAsync(ExpenseFilter filter) =>
        (await store.ListAsync(UserId, ExpenseFilter.None, null, 1_000)).Items
            .Where(expense => filter.From is null || expense.Date >= filter.From)
            .Where(expense => filter.To is null || expense.Date <= filter.To)
            .Where(expense => filter.CategoryId is null || expense.CategoryId == filter.CategoryId)
            .Where(expense => filter.Tag is null || expense.Tags.Contains(filter.Tag))
            .ToList();

    private static List<(string Key, int Count, long Paise)> Keyed(IEnumerable<GroupTotal> totals) =>
        totals.Select(total => (total.CategoryId ?? Format(total.Period!.Value), total.Count, total.Amount.Paise)).Order().ToList();

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
