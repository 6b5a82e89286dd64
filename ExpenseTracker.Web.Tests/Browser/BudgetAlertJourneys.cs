using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class BudgetAlertJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task TheAddThatCrossesTheBudgetShowsTheBannerAtOnce()
    {
        await SeedExpenseAsync("2026-11-01", 9_500m, "rent", "Rent");
        await OpenAsync("/");
        await Expect(Page.Locator("#budget-alert [role=alert]")).ToHaveCountAsync(0);
        var mark = await MarkPageAsync();

        var form = Page.Locator("#add-form");
        await form.GetByLabel("Amount (₹)").FillAsync("750");
        await form.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Groceries" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        var banner = Page.Locator("#budget-alert [role=alert][data-level=Exceeded]");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Budget alert: your spending for November 2026 is ₹10,250.00, above your ₹10,000.00 budget");
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹10,250.00");
        await AssertNoReloadAsync(mark);
        await InspectPageAsync("expenses-budget-alert");

        await banner.GetByRole(AriaRole.Link, new() { Name = "See all alerts" }).ClickAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync("₹10,250.00");
        await InspectPageAsync("alerts");
    }
}
