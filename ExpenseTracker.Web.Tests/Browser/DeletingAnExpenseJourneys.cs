using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DeletingAnExpenseJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task DeletingAsksFirstAndOnYesRemovesTheRowWithoutReloadingThePage()
    {
        var doomed = await SeedExpenseAsync("2026-11-12", 450m, "transport", "Auto to office");
        await SeedExpenseAsync("2026-11-11", 120m, "food", "Chai and samosa");
        await OpenAsync("/");
        var mark = await MarkPageAsync();
        var deletes = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/delete", StringComparison.Ordinal))
            {
                deletes.Add(request.Method);
            }
        };
        var questions = new List<string>();
        var answers = new Queue<bool>([false, true]);
        Page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await (answers.Dequeue() ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        var row = Page.Locator($"#expense-{doomed.Id}");

        await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹120.00");
        await Expect(Page.Locator("[data-count]")).ToHaveTextAsync("1");
        Assert.Equal(["Delete the expense of ₹450.00 on 12 Nov 2026?", "Delete the expense of ₹450.00 on 12 Nov 2026?"], questions);
        // Only the confirmed click reached the server.
        Assert.Equal(["POST"], deletes);
        Assert.Equal(1, (await StoredTotalsAsync()).Count);
        await AssertNoReloadAsync(mark);
    }
}
