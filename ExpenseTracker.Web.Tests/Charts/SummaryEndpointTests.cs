using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseTracker.Web.Charts;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Charts;

/// <summary>The summary endpoints on small, known data: boundaries, zero-fill, order, filters and defaults.</summary>
public class SummaryEndpointTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ADailySummaryCountsTheFirstAndLastDayOfTheRangeAndNothingOutsideIt()
    {
        await factory.AddExpenseAsync("2026-10-31", "100");
        await factory.AddExpenseAsync("2026-11-01", "200");
        await factory.AddExpenseAsync("2026-11-30", "300.25");
        await factory.AddExpenseAsync("2026-12-01", "400");

        var summary = await GetAsync<DaySpending>("/api/summaries/by-day?from=2026-11-01&to=2026-11-30");

        Assert.Equal(50025, summary.TotalPaise);
        Assert.Equal("₹500.25", summary.TotalFormatted);
        Assert.Equal(2, summary.Count);
        Assert.Equal(30, summary.Series.Count);
        Assert.Equal((new DateOnly(2026, 11, 1), 20000L, 1), (summary.Series[0].Date, summary.Series[0].Paise, summary.Series[0].Count));
        Assert.Equal((new DateOnly(2026, 11, 30), 30025L, "₹300.25"), (summary.Series[^1].Date, summary.Series[^1].Paise, summary.Series[^1].Formatted));
        Assert.All(summary.Series.Skip(1).SkipLast(1), day => Assert.Equal((0L, 0, "₹0.00"), (day.Paise, day.Count, day.Formatted)));
    }

    [Fact]
    public async Task EveryDayOfTheRangeIsPresentOnceInChronologicalOrder()
    {
        await factory.AddExpenseAsync("2026-02-28", "10");

        var summary = await GetAsync<DaySpending>("/api/summaries/by-day?from=2026-02-20&to=2026-03-05");

        var expected = Enumerable.Range(0, 14).Select(offset => new DateOnly(2026, 2, 20).AddDays(offset));
        Assert.Equal(expected, summary.Series.Select(day => day.Date));
        Assert.Equal("28 Feb", summary.Series.Single(day => day.Paise > 0).Label);
    }

    [Fact]
    public async Task AnEmptyRangeHasAZeroTotalAZeroFilledDailySeriesAndNoCategories()
    {
        await factory.AddExpenseAsync("2026-11-10", "500");

        var days = await GetAsync<DaySpending>("/api/summaries/by-day?from=2026-06-01&to=2026-06-30");
        var categories = await GetAsync<CategorySpending>("/api/summaries/by-category?from=2026-06-01&to=2026-06-30");

        Assert.Equal((0L, 0, "₹0.00"), (days.TotalPaise, days.Count, days.TotalFormatted));
        Assert.Equal(30, days.Series.Count);
        Assert.All(days.Series, day => Assert.Equal(0, day.Paise));
        Assert.Equal(0, categories.TotalPaise);
        Assert.Empty(categories.Series);
    }

    [Fact]
    public async Task AMonthWithNoExpensesAppearsAsZeroBetweenItsNeighboursAcrossAYearEnd()
    {
        await factory.AddExpenseAsync("2025-11-20", "1,000");
        await factory.AddExpenseAsync("2026-01-05", "250.50");
        await factory.AddExpenseAsync("2026-01-31", "49.50");

        var summary = await GetAsync<MonthSpending>("/api/summaries/by-month?from=2025-11-01&to=2026-02-28");

        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"], summary.Series.Select(month => month.Month));
        Assert.Equal(["Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026"], summary.Series.Select(month => month.Label));
        Assert.Equal([100000L, 0L, 30000L, 0L], summary.Series.Select(month => month.Paise));
        Assert.Equal([1, 0, 2, 0], summary.Series.Select(month => month.Count));
        Assert.Equal(130000, summary.TotalPaise);
    }

    [Fact]
    public async Task AMonthlyRangeThatStartsOrEndsMidMonthCountsOnlyItsOwnDays()
    {
        await factory.AddExpenseAsync("2026-10-14", "1");
        await factory.AddExpenseAsync("2026-10-15", "2");
        await factory.AddExpenseAsync("2026-11-10", "4");
        await factory.AddExpenseAsync("2026-11-11", "8");

        var summary = await GetAsync<MonthSpending>("/api/summaries/by-month?from=2026-10-15&to=2026-11-10");

        Assert.Equal(2, summary.Series.Count);
        Assert.Equal((new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 31), 200L), (summary.Series[0].From, summary.Series[0].To, summary.Series[0].Paise));
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10), 400L), (summary.Series[1].From, summary.Series[1].To, summary.Series[1].Paise));
        Assert.Equal(600, summary.TotalPaise);
    }

    [Fact]
    public async Task CategoriesComeLargestFirstWithTheirNamesAndCounts()
    {
        await factory.AddExpenseAsync("2026-11-02", "100", "transport");
        await factory.AddExpenseAsync("2026-11-03", "900", "rent");
        await factory.AddExpenseAsync("2026-11-04", "250", "food");
        await factory.AddExpenseAsync("2026-11-05", "250", "food");

        var summary = await GetAsync<CategorySpending>("/api/summaries/by-category?from=2026-11-01&to=2026-11-30");

        Assert.Equal(["rent", "food", "transport"], summary.Series.Select(category => category.CategoryId));
        Assert.Equal(["Rent & Housing", "Food & Dining", "Transport"], summary.Series.Select(category => category.Name));
        Assert.Equal([1, 2, 1], summary.Series.Select(category => category.Count));
        Assert.Equal(["₹900.00", "₹500.00", "₹100.00"], summary.Series.Select(category => category.Formatted));
        Assert.Equal(150000, summary.TotalPaise);
    }

    [Fact]
    public async Task TheCategoryFilterKeepsOnlyThatCategoryInEverySummary()
    {
        await factory.AddExpenseAsync("2026-11-02", "100", "transport");
        await factory.AddExpenseAsync("2026-11-03", "40", "food");
        await factory.AddExpenseAsync("2026-11-20", "60", "food");

        var categories = await GetAsync<CategorySpending>("/api/summaries/by-category?from=2026-11-01&to=2026-11-30&category=food");
        var days = await GetAsync<DaySpending>("/api/summaries/by-day?from=2026-11-01&to=2026-11-30&category=food");
        var months = await GetAsync<MonthSpending>("/api/summaries/by-month?from=2026-11-01&to=2026-11-30&category=food");

        Assert.Equal("food", Assert.Single(categories.Series).CategoryId);
        Assert.Equal("food", categories.CategoryId);
        Assert.Equal([10000L, 10000L, 10000L], [categories.TotalPaise, days.TotalPaise, months.TotalPaise]);
        Assert.Equal(4000, days.Series.Single(day => day.Date == new DateOnly(2026, 11, 3)).Paise);
        Assert.Equal(0, days.Series.Single(day => day.Date == new DateOnly(2026, 11, 2)).Paise);
    }

    [Fact]
    public async Task TheTagFilterKeepsOnlyExpensesWithThatTagWhateverItsCase()
    {
        await factory.AddExpenseAsync("2026-11-02", "100", "transport", tags: "work, trip");
        await factory.AddExpenseAsync("2026-11-02", "30", "food", tags: "work");
        await factory.AddExpenseAsync("2026-11-03", "999", "food", tags: "family");
        await factory.AddExpenseAsync("2026-11-04", "5", "food");

        var categories = await GetAsync<CategorySpending>("/api/summaries/by-category?from=2026-11-01&to=2026-11-30&tag=Work");
        var days = await GetAsync<DaySpending>("/api/summaries/by-day?from=2026-11-01&to=2026-11-30&tag=work");
        var both = await GetAsync<CategorySpending>("/api/summaries/by-category?from=2026-11-01&to=2026-11-30&tag=work&category=food");

        Assert.Equal("work", categories.Tag);
        Assert.Equal([("transport", 10000L), ("food", 3000L)], categories.Series.Select(category => (category.CategoryId, category.Paise)));
        Assert.Equal(13000, days.Series.Single(day => day.Date == new DateOnly(2026, 11, 2)).Paise);
        Assert.Equal(13000, days.TotalPaise);
        Assert.Equal(3000, both.TotalPaise);
    }

    [Fact]
    public async Task WithoutDatesCategoriesAndDaysCoverTheCurrentMonthInTheUsersTimeZone()
    {
        // 19:00 UTC on 30 Nov is already 1 Dec in India.
        factory.Time.Now = new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.Zero);
        await factory.AddExpenseAsync("2026-11-30", "70");
        await factory.AddExpenseAsync("2026-12-01", "30");

        var days = await GetAsync<DaySpending>("/api/summaries/by-day");
        var categories = await GetAsync<CategorySpending>("/api/summaries/by-category");

        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (days.From, days.To));
        Assert.Equal(31, days.Series.Count);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 3000L), (categories.From, categories.To, categories.TotalPaise));
    }

    [Fact]
    public async Task WithoutDatesMonthsCoverTheTwelveMonthsUpToTheCurrentOne()
    {
        var summary = await GetAsync<MonthSpending>("/api/summaries/by-month");

        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)), (summary.From, summary.To));
        Assert.Equal(12, summary.Series.Count);
        Assert.Equal(("2025-12", "2026-11"), (summary.Series[0].Month, summary.Series[^1].Month));
    }

    [Fact]
    public async Task OnlyAnEndDateMeansTheDefaultPeriodEndingThen()
    {
        var days = await GetAsync<DaySpending>("/api/summaries/by-day?to=2026-03-10");
        var months = await GetAsync<MonthSpending>("/api/summaries/by-month?to=2026-03-10");

        Assert.Equal((new DateOnly(2026, 3, 1), 10), (days.From, days.Series.Count));
        Assert.Equal((new DateOnly(2025, 4, 1), 12), (months.From, months.Series.Count));
    }

    [Fact]
    public async Task AnotherUsersSpendingIsNeverCounted()
    {
        await factory.AddExpenseAsync("2026-11-05", "10");
        await factory.AddExpensesAsync([StoredExpenses.Draft("2026-11-05", "5000")], userId: "someone-else");

        var summary = await GetAsync<DaySpending>("/api/summaries/by-day");

        Assert.Equal(1000, summary.TotalPaise);
    }

    [Fact]
    public async Task EditsAndDeletesShowInTheNextSummary()
    {
        var store = factory.Store();
        var lunch = await factory.AddExpenseAsync("2026-11-05", "100", "food");
        var taxi = await factory.AddExpenseAsync("2026-11-06", "50", "transport");

        await store.UpdateAsync(factory.DefaultUserId, lunch.Id, lunch.Version, StoredExpenses.Draft("2026-11-07", "120", "shopping"));
        await store.DeleteAsync(factory.DefaultUserId, taxi.Id);
        var categories = await GetAsync<CategorySpending>("/api/summaries/by-category");
        var days = await GetAsync<DaySpending>("/api/summaries/by-day");

        Assert.Equal(("shopping", 12000L), (Assert.Single(categories.Series).CategoryId, categories.TotalPaise));
        Assert.Equal([(new DateOnly(2026, 11, 7), 12000L)], days.Series.Where(day => day.Paise > 0).Select(day => (day.Date, day.Paise)));
    }

    [Fact]
    public async Task TheJsonStatesTheCurrencyRangeAndExactAmountsInCamelCase()
    {
        await factory.AddExpenseAsync("2026-11-05", "1,23,456.78", "rent");

        var json = JsonDocument.Parse(await factory.CreatePlainClient().GetStringAsync("/api/summaries/by-category?from=2026-11-01&to=2026-11-30")).RootElement;

        Assert.Equal("INR", json.GetProperty("currency").GetString());
        Assert.Equal("2026-11-01", json.GetProperty("from").GetString());
        Assert.Equal("2026-11-30", json.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("totalPaise").ValueKind);
        Assert.Equal(12345678, json.GetProperty("totalPaise").GetInt64());
        Assert.Equal("₹1,23,456.78", json.GetProperty("totalFormatted").GetString());
        var point = json.GetProperty("series")[0];
        Assert.Equal(["categoryId", "name", "count", "paise", "formatted"], point.EnumerateObject().Select(property => property.Name));
    }

    private async Task<SpendingSummary<TPoint>> GetAsync<TPoint>(string url)
    {
        var response = await factory.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SpendingSummary<TPoint>>())!;
    }
}
