using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class CategoryJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task ANewCategoryCanBeUsedInTheAddFormStraightAway()
    {
        await OpenAsync("/categories");
        await InspectPageAsync("categories");
        var mark = await MarkPageAsync();

        await Page.GetByLabel("New category").FillAsync("Pets");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        await Expect(Page.Locator("#flash")).ToHaveTextAsync("Added \"Pets\".");
        await Expect(Page.GetByLabel("Name of Pets")).ToHaveValueAsync("Pets");
        await Expect(Page.GetByLabel("New category")).ToHaveValueAsync("");
        await AssertNoReloadAsync(mark);
        await InspectPageAsync("categories-after-add");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Expenses" }).ClickAsync();
        var form = Page.Locator("#add-form");
        await form.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Pets" });
        await form.GetByLabel("Amount (₹)").FillAsync("800");
        await form.GetByLabel("Description").FillAsync("Vet visit");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        var row = Page.Locator("#expense-rows tr", new() { HasText = "Vet visit" });
        await Expect(row.Locator(".expense-category")).ToHaveTextAsync("Pets");
        await Expect(Page.Locator("#filter-form").GetByLabel("Category").Locator("option", new() { HasText = "Pets" })).ToHaveCountAsync(1);
    }
}
