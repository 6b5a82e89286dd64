using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// Flash messages live in one status region, one at a time, and go at the next action; a new account starts with what
/// to do first.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FlashJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    protected override bool StartSignedIn => false;

    [Fact]
    public async Task TheWelcomeGoesAtTheFirstAddAndEachActionLeavesOnlyItsOwnMessage()
    {
        await OpenAsync("/account/register");
        var register = Page.Locator("#register-form");
        await register.GetByLabel("Email").FillAsync("meera@example.com");
        await register.GetByLabel("Password", new() { Exact = true }).FillAsync("a long passphrase");
        await register.GetByLabel("Password again").FillAsync("a long passphrase");
        await register.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var messages = Page.GetByRole(AriaRole.Status).Locator("[data-flash]");
        await Expect(messages).ToHaveTextAsync(["Welcome! Your account is ready."]);

        // An empty account: what to do first.
        var firstRun = Page.Locator("#first-run");
        await Expect(firstRun.Locator("li")).ToHaveCountAsync(3);
        await Expect(firstRun.GetByRole(AriaRole.Link, new() { Name = "Import a bank statement" })).ToHaveAttributeAsync("href", "/import");
        await Expect(firstRun.GetByRole(AriaRole.Link, new() { Name = "Set a monthly budget" })).ToHaveAttributeAsync("href", "/settings/budget");
        await firstRun.GetByRole(AriaRole.Link, new() { Name = "Add an expense" }).ClickAsync();
        await Expect(Page.Locator("#add-amount")).ToBeFocusedAsync();
        var mark = await MarkPageAsync();

        await Page.Locator("#add-amount").FillAsync("250");
        await Page.Locator("#add-form").GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        await Expect(messages).ToHaveTextAsync(["Added ₹250.00 for Other."]);
        await Expect(firstRun).ToHaveCountAsync(0);

        var row = Page.Locator("#expense-rows tr.expense-row");
        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(messages).ToHaveCountAsync(0);
        // The row is the edit form now (a row of another class).
        await Page.Locator("#expense-rows form.edit-row").GetByLabel("Description").FillAsync("Groceries");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(messages).ToHaveTextAsync(["Saved ₹250.00 on 15 Nov 2026."]);
        await AssertNoReloadAsync(mark);
    }
}
