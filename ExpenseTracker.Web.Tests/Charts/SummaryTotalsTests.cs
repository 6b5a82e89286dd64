using System.Globalization;
using System.Net.Http.Json;
using ExpenseTracker.Web.Charts;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Charts;

/// <summary>
/// Every number a summary gives, for many ranges and filters, equals the sum of the matching expenses computed here
/// by brute force from the expenses the test created.
/// </summary>
public class SummaryTotalsTests : IClassFixture<SummaryTotalsTests.Data>
{
    private static readonly string[] Categories = ["food", "groceries", "transport", "rent", "health", "other"];
    private static readonly string[] TagChoices = ["", "work", "trip", "work, trip", "family"];

    private readonly Data data;

    public SummaryTotalsTests(Data data) => this.data = data;

    /// <summary>Three hundred expenses over two years (from a fixed seed), stored once for the whole class.</summary>
    public sealed class Data : IAsyncLifetime
    {
        public ExpenseTrackerFactory Factory { get; } = new();

        public List<ExpenseDraft> Expenses { get; } = [];

        public async Task InitializeAsync()
        {
            var random = new Random(20261115);
            var first = new DateOnly(2025, 1, 1);
            for (var i = 0; i < 300; i++)
            {
                var date = first.AddDays(random.Next(0, 730));
                var paise = random.Next(1, 5_000_00) * (random.Next(4) == 0 ? 100 : 1);
                Expenses.Add(new ExpenseDraft(
                    date, new Money(paise), Categories[random.Next(Categories.Length)], "", Tags.Parse(TagChoices[random.Next(TagChoices.Length)])));
            }

            await Factory.AddExpensesAsync(Expenses);
            // Someone else's spending on the same days must not leak into ours.
            await Factory.AddExpensesAsync(Expenses.Take(50).ToList(), userId: "someone-else");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<string, string, string?, string?> Ranges => new()
    {
        { "2025-01-01", "2025-12-31", null, null },
        { "2025-02-14", "2025-03-13", null, null },
        { "2025-12-31", "2026-01-01", null, null },
        { "2026-02-01", "2026-02-28", "food", null },
        { "2025-06-15", "2026-06-14", null, "work" },
        { "2025-03-01", "2025-08-31", "transport", "trip" },
        { "2026-12-01", "2026-12-31", null, null },
        { "2025-07-04", "2025-07-04", null, null },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task EveryDailyAmountAndTheTotalEqualTheSumOfTheMatchingExpenses(string from, string to, string? category, string? tag)
    {
        var summary = await GetAsync<DaySpending>("by-day", from, to, category, tag);

        var matching = Matching(from, to, category, tag);
        Assert.Equal(matching.Sum(expense => expense.Amount.Paise), summary.TotalPaise);
        Assert.Equal(matching.Count, summary.Count);
        Assert.Equal(Date(to).DayNumber - Date(from).DayNumber + 1, summary.Series.Count);
        foreach (var day in summary.Series)
        {
            var sameDay = matching.Where(expense => expense.Date == day.Date).ToList();
            Assert.Equal((sameDay.Sum(expense => expense.Amount.Paise), sameDay.Count), (day.Paise, day.Count));
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task EveryCategoryAmountAndTheTotalEqualTheSumOfTheMatchingExpenses(string from, string to, string? category, string? tag)
    {
        var summary = await GetAsync<CategorySpending>("by-category", from, to, category, tag);

        var matching = Matching(from, to, category, tag);
        var expected = matching
            .GroupBy(expense => expense.CategoryId)
            .Select(group => (Id: group.Key, Paise: group.Sum(expense => expense.Amount.Paise), Count: group.Count()))
            .OrderBy(group => group.Id)
            .ToList();
        Assert.Equal(expected, summary.Series.Select(point => (point.CategoryId, point.Paise, point.Count)).OrderBy(point => point.CategoryId));
        Assert.Equal(matching.Sum(expense => expense.Amount.Paise), summary.TotalPaise);
        Assert.Equal(summary.Series.Select(point => point.Paise).OrderDescending(), summary.Series.Select(point => point.Paise));
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task EveryMonthlyAmountAndTheTotalEqualTheSumOfTheMatchingExpenses(string from, string to, string? category, string? tag)
    {
        var summary = await GetAsync<MonthSpending>("by-month", from, to, category, tag);

        var matching = Matching(from, to, category, tag);
        Assert.Equal(matching.Sum(expense => expense.Amount.Paise), summary.TotalPaise);
        Assert.Equal(summary.Series.Select(month => month.Month).Order(StringComparer.Ordinal), summary.Series.Select(month => month.Month));
        foreach (var month in summary.Series)
        {
            var inMonth = matching.Where(expense => expense.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture) == month.Month).ToList();
            Assert.Equal((inMonth.Sum(expense => expense.Amount.Paise), inMonth.Count), (month.Paise, month.Count));
        }
    }

    [Fact]
    public async Task TheThreeSummariesOfOneRangeAgreeOnTheTotal()
    {
        var days = await GetAsync<DaySpending>("by-day", "2025-04-01", "2026-03-31", null, null);
        var categories = await GetAsync<CategorySpending>("by-category", "2025-04-01", "2026-03-31", null, null);
        var months = await GetAsync<MonthSpending>("by-month", "2025-04-01", "2026-03-31", null, null);

        Assert.Equal(days.TotalPaise, categories.TotalPaise);
        Assert.Equal(days.TotalPaise, months.TotalPaise);
        Assert.Equal(days.Series.Sum(day => day.Paise), months.Series.Sum(month => month.Paise));
        Assert.True(days.TotalPaise > 0);
    }

    private List<ExpenseDraft> Matching(string from, string to, string? category, string? tag) =>
        data.Expenses
            .Where(expense => expense.Date >= Date(from) && expense.Date <= Date(to))
            .Where(expense => category is null || expense.CategoryId == category)
            .Where(expense => tag is null || expense.Tags.Contains(tag))
            .ToList();

    private async Task<SpendingSummary<TPoint>> GetAsync<TPoint>(string kind, string from, string to, string? category, string? tag)
    {
        var url = $"/api/summaries/{kind}?from={from}&to={to}{(category is null ? "" : $"&category={category}")}{(tag is null ? "" : $"&tag={tag}")}";
        return (await data.Factory.CreatePlainClient().GetFromJsonAsync<SpendingSummary<TPoint>>(url))!;
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
