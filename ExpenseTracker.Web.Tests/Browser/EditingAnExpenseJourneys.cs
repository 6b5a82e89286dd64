using ExpenseTracker.Web.Expenses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class EditingAnExpenseJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task AnInlineEditCanBeCancelledAndThenSavedWithoutReloadingThePage()
    {
        var expense = await SeedExpenseAsync("2026-11-12", 450m, "transport", "Auto to office", "work");
        await OpenAsync("/");
        var mark = await MarkPageAsync();
        var row = Page.Locator($"#expense-{expense.Id}");
        var editForm = Page.GetByRole(AriaRole.Form, new() { Name = "Edit expense" });

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(editForm.GetByLabel("Amount (₹)")).ToHaveValueAsync("450.00");
        await InspectPageAsync("expenses-inline-edit");
        await editForm.GetByLabel("Amount (₹)").FillAsync("999");
        await editForm.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();

        await Expect(editForm).ToHaveCountAsync(0);
        await Expect(row.Locator(".amount")).ToHaveTextAsync("₹450.00");

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await editForm.GetByLabel("Amount (₹)").FillAsync("475.25");
        await editForm.GetByLabel("Description").FillAsync("Auto to the office");
        await editForm.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(editForm).ToHaveCountAsync(0);
        await Expect(row.Locator(".amount")).ToHaveTextAsync("₹475.25");
        await Expect(row.Locator(".description")).ToHaveTextAsync("Auto to the office");
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹475.25");
        var stored = await App.Services.GetRequiredService<IExpenseStore>().FindAsync(App.DefaultUserId, expense.Id);
        Assert.Equal(Money.FromRupees(475.25m), stored!.Amount);
        Assert.Equal(expense.Version + 1, stored.Version);
        await AssertNoReloadAsync(mark);
    }
}
