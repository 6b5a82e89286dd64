using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>Keyboard-first entry: n, /, Esc, u and ?, never while typing in a field; a sum in the amount field.</summary>
[Collection(BrowserCollection.Name)]
public class KeyboardJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task AnExpenseIsAddedFromTheKeyboardAloneWithASumForItsAmount()
    {
        await OpenAsync("/");
        var amount = Page.Locator("#add-amount");

        await Page.Keyboard.PressAsync("n");
        await Expect(amount).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("120+45.50");

        await Expect(Page.Locator("#add-amount-sum")).ToHaveTextAsync("= ₹165.50, the amount that is saved");
        await Expect(amount).ToHaveAttributeAsync("aria-describedby", "add-amount-sum");
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator("#expense-rows tr.expense-row .amount")).ToHaveTextAsync(["₹165.50"]);
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Added ₹165.50 for Other.");
        Assert.Equal(16550, (await StoredTotalsAsync()).Total.Paise);
    }

    [Fact]
    public async Task SlashSearchesEscCancelsTheInlineEditAndQuestionMarkListsTheShortcuts()
    {
        var expense = await SeedExpenseAsync("2026-11-12", 450m, "transport", "Auto to office");
        await OpenAsync("/");
        var search = Page.Locator("#filter-q");

        await Page.Keyboard.PressAsync("/");
        await Expect(search).ToBeFocusedAsync();
        // Typing in a field is typing: no shortcut takes the keys.
        await Page.Keyboard.TypeAsync("n/?u");
        await Expect(search).ToHaveValueAsync("n/?u");
        await Expect(search).ToBeFocusedAsync();
        await Expect(Page.Locator("#shortcuts-dialog")).Not.ToBeVisibleAsync();

        var row = Page.Locator($"#expense-{expense.Id}");
        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        var edit = row.Locator("form.edit-row");
        await Expect(edit).ToBeVisibleAsync();
        await edit.GetByLabel("Description").FillAsync("Changed my mind");
        await edit.GetByLabel("Description").PressAsync("Escape");
        await Expect(edit).ToHaveCountAsync(0);
        await Expect(row.Locator(".description")).ToHaveTextAsync("Auto to office");

        await Page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 700 } });
        await Page.Keyboard.PressAsync("?");
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("New expense");
        await Axe.AssertNoSeriousViolationsAsync(Page, "shortcuts dialog");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task UUndoesTheDeleteJustMade()
    {
        var expense = await SeedExpenseAsync("2026-11-12", 450m, "transport", "Auto to office");
        await OpenAsync("/");
        var row = Page.Locator($"#expense-{expense.Id}");

        await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 700 } });
        await Page.Keyboard.PressAsync("u");

        await Expect(row).ToBeVisibleAsync();
        Assert.Equal(1, (await StoredTotalsAsync()).Count);
    }
}
