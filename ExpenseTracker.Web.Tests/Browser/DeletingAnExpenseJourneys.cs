using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>Undo instead of confirm: a delete asks nothing, and the message after it brings the expense back.</summary>
[Collection(BrowserCollection.Name)]
public class DeletingAnExpenseJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    // Two seconds rather than ten, so that the journey past the window waits two seconds.
    protected override IEnumerable<KeyValuePair<string, string?>> AppSettings => [new("Expenses:UndoWindow", "00:00:02")];

    [Fact]
    public async Task ADeleteRemovesTheRowAtOnceAndUndoBringsItBackWithItsTagsAndTotals()
    {
        var doomed = await SeedExpenseAsync("2026-11-12", 250m, "food", "Thali", "lunch", "work");
        await SeedExpenseAsync("2026-11-11", 120m, "food", "Chai and samosa");
        await OpenAsync("/");
        var mark = await MarkPageAsync();
        var dialogs = new List<string>();
        Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var row = Page.Locator($"#expense-{doomed.Id}");
        var message = Page.GetByRole(AriaRole.Status);

        await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(message.Locator(".flash-text")).ToHaveTextAsync("Deleted ₹250.00 Food & Dining");
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹120.00");
        await message.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".badge.rounded-pill")).ToHaveTextAsync(["lunch", "work"]);
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹370.00");
        await Expect(message).ToContainTextAsync("Brought back ₹250.00 Food & Dining of 12 Nov 2026.");
        Assert.Empty(dialogs);
        Assert.Equal(2, (await StoredTotalsAsync()).Count);
        await AssertNoReloadAsync(mark);
    }

    [Fact]
    public async Task AfterTheUndoWindowTheMessageGoesByItselfAndTheDeleteStays()
    {
        var doomed = await SeedExpenseAsync("2026-11-12", 450m, "transport", "Auto to office");
        await OpenAsync("/");
        var undo = Page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Button, new() { Name = "Undo" });

        await Page.Locator($"#expense-{doomed.Id}").GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await Expect(undo).ToBeVisibleAsync();

        await Expect(undo).ToHaveCountAsync(0, new() { Timeout = 6_000 });
        await Expect(Page.Locator("#flash [data-flash]")).ToHaveCountAsync(0);
        await OpenAsync("/");
        await Expect(Page.Locator($"#expense-{doomed.Id}")).ToHaveCountAsync(0);
        Assert.Equal(0, (await StoredTotalsAsync()).Count);
    }
}
