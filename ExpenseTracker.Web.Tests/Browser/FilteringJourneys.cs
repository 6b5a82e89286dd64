using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class FilteringJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task FilteringByCategoryAndTextNarrowsTheListAndTotalsWithoutReloadingThePage()
    {
        await SeedExpenseAsync("2026-11-14", 350m, "food", "Lunch at the office");
        await SeedExpenseAsync("2026-11-13", 1_200m, "food", "Dinner out");
        await SeedExpenseAsync("2026-11-12", 900m, "groceries", "Vegetables for dinner");
        await SeedExpenseAsync("2026-11-11", 500m, "transport", "Metro card");
        await OpenAsync("/");
        var mark = await MarkPageAsync();
        var filters = Page.Locator("#filter-form");
        var rows = Page.Locator("#expense-rows tr.expense-row");

        await filters.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Food & Dining" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(rows.Locator(".description")).ToHaveTextAsync(["Lunch at the office", "Dinner out"]);
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹1,550.00");
        await Expect(Page.Locator("#expense-totals")).ToContainTextAsync("2 expenses matching the filters");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("category=food"));

        await filters.GetByLabel("Description contains").FillAsync("dinner");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(rows.Locator(".description")).ToHaveTextAsync(["Dinner out"]);
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹1,200.00");
        await AssertNoReloadAsync(mark);
        await InspectPageAsync("expenses-filtered");
    }

    [Fact]
    public async Task LoadMoreAppendsTheNextPageBelowTheFirstWithoutReloadingThePage()
    {
        var firstDay = new DateOnly(2026, 10, 1);
        for (var day = 0; day < 30; day++)
        {
            var date = firstDay.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await SeedExpenseAsync(date, 100m + day, "food", $"Lunch {day + 1}");
        }

        await OpenAsync("/");
        var mark = await MarkPageAsync();
        var rows = Page.Locator("#expense-rows tr.expense-row");
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.Last.Locator(".description")).ToHaveTextAsync("Lunch 6");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Load more" }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(30);
        var descriptions = await rows.Locator(".description").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(number => $"Lunch {number}"), descriptions);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Load more" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-count]")).ToHaveTextAsync("30");
        await AssertNoReloadAsync(mark);
    }
}
