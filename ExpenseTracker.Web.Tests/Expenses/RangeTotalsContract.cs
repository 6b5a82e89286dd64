using System.Globalization;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Expenses;

/// <summary>
/// Totals over a range read whole months from the monthly totals and a month the range cuts as its days inside or as
/// the month less its days outside, and spending by day reads the per-day totals of all categories. Whatever the
/// range, and after adds, edits and deletes, they equal sums computed here from the stored expenses themselves, on
/// every store. Each test walks every range over one arranged history (arranging it is the slow part on DynamoDB Local).
/// </summary>
public abstract class RangeTotalsContract
{
    private static readonly string[] Categories = ["food", "groceries", "transport", "rent"];
    private static readonly string[] TagChoices = ["", "work", "trip", "work, trip"];

    /// <summary>From, to, category, tag: open ends, whole years, months cut at either end, one month, a year's end.</summary>
    private static readonly (string? From, string? To, string? Category, string? Tag)[] Ranges =
    [
        (null, null, null, null),
        (null, null, "food", null),
        (null, null, null, "work"),
        ("2025-01-01", "2026-12-31", null, null),
        ("2025-01-15", "2026-11-20", null, null),
        ("2025-01-15", "2026-11-20", "groceries", "trip"),
        ("2025-03-01", "2025-03-31", null, null),
        ("2025-03-05", "2025-03-25", "transport", null),
        ("2025-12-31", "2026-01-01", null, null),
        ("2025-02-10", null, null, "work"),
        (null, "2025-06-30", "rent", null),
        (null, "2025-06-29", null, null),
        ("2025-04-02", "2025-04-29", "food", null),
        ("2025-04-02", "2025-04-29", null, "trip"),
        ("2025-05-01", "2025-05-20", null, null),
        ("2025-08-20", "2025-09-10", null, null),
        ("2025-08-03", "2025-10-28", "groceries", null),
    ];

    protected string UserId { get; } = "ranges-" + Guid.NewGuid().ToString("N");

    protected abstract Task<IExpenseStore> CreateStoreAsync();

    [Fact]
    public async Task TotalsOverEveryRangeEqualTheSumsOfTheStoredExpensesAfterAddsEditsAndDeletes()
    {
        var store = await CreateStoreAsync();
        await ArrangeHistoryWithEditsAndDeletesAsync(store, UserId);
        var stored = await AllAsync(store, UserId);

        foreach (var range in Ranges)
        {
            var filter = new ExpenseFilter(Date(range.From), Date(range.To), range.Category, range.Tag);

            var totals = await store.GetTotalsAsync(UserId, filter);

            var matching = Matching(stored, filter);
            Assert.Equal((range, matching.Count, matching.Sum(expense => expense.Amount.Paise)), (range, totals.Count, totals.Total.Paise));
            Assert.True(totals.Count > 0, $"The history has expenses in {range}.");
        }
    }

    [Fact]
    public async Task GroupedTotalsOverEveryRangeEqualTheSumsOfTheStoredExpensesAndWhatTheDailyTotalsGive()
    {
        var store = await CreateStoreAsync();
        await ArrangeHistoryWithEditsAndDeletesAsync(store, UserId);
        var stored = await AllAsync(store, UserId);

        foreach (var range in Ranges)
        {
            var (start, end) = (Date(range.From) ?? new DateOnly(2024, 1, 1), Date(range.To) ?? new DateOnly(2027, 12, 31));
            var matching = Matching(stored, new ExpenseFilter(start, end, range.Category, range.Tag));
            var daily = await store.StoredDailyTotalsAsync(UserId, start, end, range.Category, range.Tag);

            foreach (var grouping in Enum.GetValues<TotalsGrouping>())
            {
                var grouped = await store.GetGroupedTotalsAsync(UserId, start, end, grouping, range.Category, range.Tag);

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
                // As text, so that a failure names the range and grouping beside the groups that differ.
                Assert.Equal((range, grouping, Text(expected)), (range, grouping, Text(Keyed(grouped))));
                Assert.Equal((range, grouping, Text(Keyed(GroupTotal.Sum(daily, grouping)))), (range, grouping, Text(Keyed(grouped))));
            }
        }
    }

    [Fact]
    public async Task ARangeThatEndsBeforeItStartsHasNoTotals()
    {
        var store = await CreateStoreAsync();
        await store.AddExpenseAsync(UserId, new ExpenseDraft(new DateOnly(2025, 3, 10), new Money(5_000), "food", "", []));
        var (from, to) = (new DateOnly(2025, 3, 20), new DateOnly(2025, 3, 1));

        Assert.Equal(ExpenseTotals.Empty, await store.GetTotalsAsync(UserId, new ExpenseFilter(from, to)));
        foreach (var grouping in Enum.GetValues<TotalsGrouping>())
        {
            Assert.Empty(await store.GetGroupedTotalsAsync(UserId, from, to, grouping));
        }
    }

    /// <summary>
    /// Two years of expenses with tags, another user's on the same days, then edits that move expenses to another
    /// month, category and tags, and deletes that empty some days.
    /// </summary>
    public static async Task ArrangeHistoryWithEditsAndDeletesAsync(IExpenseStore store, string userId)
    {
        var random = new Random(20261122);
        var drafts = Enumerable.Range(0, 400).Select(_ => new ExpenseDraft(
            new DateOnly(2025, 1, 1).AddDays(random.Next(730)),
            new Money(random.Next(100, 500_000)),
            Categories[random.Next(Categories.Length)],
            "",
            Tags.Parse(TagChoices[random.Next(TagChoices.Length)]))).ToList();
        await store.AddManyAsync(userId, drafts);
        await store.AddManyAsync(userId + "-neighbour", drafts.Take(100).ToList());

        var stored = await AllAsync(store, userId);
        foreach (var expense in stored.Take(40))
        {
            var moved = new ExpenseDraft(expense.Date.AddDays(45), expense.Amount + new Money(123), Categories[random.Next(Categories.Length)], "", Tags.Parse("trip"));
            await store.UpdateExpenseAsync(userId, expense.Id, expense.Version, moved);
        }

        foreach (var expense in stored.Skip(40).Take(30))
        {
            await store.DeleteAsync(userId, expense.Id);
        }

        // Expenses on both sides of a year's end and a month's end.
        await store.AddExpenseAsync(userId, new ExpenseDraft(new DateOnly(2025, 3, 31), new Money(999), "food", "", Tags.Parse("work")));
        await store.AddExpenseAsync(userId, new ExpenseDraft(new DateOnly(2025, 12, 31), new Money(1_500), "rent", "", Tags.Parse("trip")));
        await store.AddExpenseAsync(userId, new ExpenseDraft(new DateOnly(2026, 1, 1), new Money(2_500), "food", "", []));
    }

    public static async Task<IReadOnlyList<Expense>> AllAsync(IExpenseStore store, string userId) =>
        (await store.ListAsync(userId, ExpenseFilter.None, null, 1_000)).Items;

    public static List<Expense> Matching(IEnumerable<Expense> expenses, ExpenseFilter filter) =>
        expenses
            .Where(expense => filter.From is null || expense.Date >= filter.From)
            .Where(expense => filter.To is null || expense.Date <= filter.To)
            .Where(expense => filter.CategoryId is null || expense.CategoryId == filter.CategoryId)
            .Where(expense => filter.Tag is null || expense.Tags.Contains(filter.Tag))
            .ToList();

    public static List<(string Key, int Count, long Paise)> Keyed(IEnumerable<GroupTotal> totals) =>
        totals.Select(total => (total.CategoryId ?? Format(total.Period!.Value), total.Count, total.Amount.Paise)).Order().ToList();

    private static string Text(IEnumerable<(string Key, int Count, long Paise)> groups) => string.Join("; ", groups);

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
