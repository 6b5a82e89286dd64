using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class AddingAnExpenseJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task AnAddedExpenseAppearsInTheListAndTheTotalsWithoutReloadingThePage()
    {
        await SeedExpenseAsync("2026-11-14", 2_450m, "groceries", "Weekly vegetables and fruit", "home");
        await SeedExpenseAsync("2026-11-13", 180m, "transport", "Auto to the office", "work");
        await SeedExpenseAsync("2026-11-12", 649m, "entertainment", "Movie tickets");
        await SeedExpenseAsync("2026-11-10", 1_299m, "bills", "Mobile and broadband", "monthly");
        await SeedExpenseAsync("2026-11-05", 18_000m, "rent", "November rent", "monthly", "home");
        await OpenAsync("/");
        await InspectPageAsync("expenses");
        var mark = await MarkPageAsync();

        var form = Page.Locator("#add-form");
        await form.GetByLabel("Amount (₹)").FillAsync("1,234.50");
        await form.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Food & Dining" });
        await form.GetByLabel("Description").FillAsync("Dinner with friends");
        await form.GetByLabel("Tags").FillAsync("friends, weekend");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        await Expect(Page.Locator("#flash")).ToHaveTextAsync("Added ₹1,234.50 for Food & Dining.");
        var row = Page.Locator("#expense-rows tr", new() { HasText = "Dinner with friends" });
        await Expect(row).ToContainTextAsync("15 Nov 2026");
        await Expect(row).ToContainTextAsync("₹1,234.50");
        await Expect(row.Locator(".badge.rounded-pill")).ToHaveTextAsync(["friends", "weekend"]);
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹23,812.50");
        await Expect(Page.Locator("[data-count]")).ToHaveTextAsync("6");
        // The newest expense comes first, and the form is ready for the next one of the same day and category.
        await Expect(Page.Locator("#expense-rows tr").First).ToContainTextAsync("Dinner with friends");
        await Expect(form.GetByLabel("Amount (₹)")).ToHaveValueAsync("");
        await Expect(form.GetByLabel("Category")).ToHaveValueAsync("food");
        await AssertNoReloadAsync(mark);
        await InspectPageAsync("expenses-after-add");
    }

    [Fact]
    public async Task AnAmountWithThreeDecimalsIsExplainedNextToItsFieldAndNothingIsStored()
    {
        Problems.Expect(422, "/?handler=Add");
        await OpenAsync("/");
        var mark = await MarkPageAsync();

        var form = Page.Locator("#add-form");
        await form.GetByLabel("Amount (₹)").FillAsync("12.345");
        await form.GetByLabel("Description").FillAsync("Chai");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        var amount = Page.Locator("#add-form").GetByLabel("Amount (₹)");
        var message = Page.Locator("#add-amount + .invalid-feedback");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToHaveTextAsync("The amount can have at most two decimals (paise), like 250 or 1,499.50.");
        await Expect(amount).ToHaveAttributeAsync("aria-describedby", (await message.GetAttributeAsync("id"))!);
        await Expect(amount).ToHaveValueAsync("12.345");
        await Expect(Page.Locator("#add-form").GetByLabel("Description")).ToHaveValueAsync("Chai");
        await Expect(Page.Locator("#add-form [role=alert]")).ToHaveTextAsync("Nothing was saved. Please correct the highlighted fields.");
        await Expect(Page.Locator("#expense-rows .empty-state")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹0.00");
        Assert.Equal(0, (await StoredTotalsAsync()).Count);
        await AssertNoReloadAsync(mark);
        await InspectPageAsync("expenses-add-error");
    }
}
