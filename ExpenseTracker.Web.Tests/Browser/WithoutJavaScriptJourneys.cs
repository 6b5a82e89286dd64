using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>The same journeys in a browser with JavaScript off: every form is a plain post answered by a redirect or a page.</summary>
[Collection(BrowserCollection.Name)]
public class WithoutJavaScriptJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    protected override bool JavaScriptEnabled => false;

    [Fact]
    public async Task AddingWorksThroughFullPagePostsWithErrorsShownOnTheReturnedPage()
    {
        await OpenAsync("/");
        var form = Page.Locator("#add-form");
        var documentsBefore = DocumentRequests;

        await form.GetByLabel("Amount (₹)").FillAsync("12.345");
        await form.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Groceries" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        await Expect(Page.Locator("#add-amount + .invalid-feedback"))
            .ToHaveTextAsync("The amount can have at most two decimals (paise), like 250 or 1,499.50.");
        await Expect(form.GetByLabel("Category")).ToHaveValueAsync("groceries");
        Assert.Equal(documentsBefore + 1, DocumentRequests);
        Assert.Equal(0, (await StoredTotalsAsync()).Count);
        await InspectPageAsync("expenses-add-error-without-js");

        await form.GetByLabel("Amount (₹)").FillAsync("250");
        await form.GetByLabel("Description").FillAsync("Milk and bread");
        var post = await Page.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync(), response => response.Request.Method == "POST");

        // The post answered with a redirect, and the browser followed it back to the list.
        Assert.Equal(302, post.Status);
        await Expect(Page).ToHaveURLAsync(App.BaseAddress.ToString());
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Added ₹250.00 for Groceries.");
        var row = Page.Locator("#expense-rows tr.expense-row");
        await Expect(row.Locator(".description")).ToHaveTextAsync(["Milk and bread"]);
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹250.00");
        await InspectPageAsync("expenses-without-js");
    }

    [Fact]
    public async Task EditingAndDeletingUseTheirOwnPages()
    {
        var expense = await SeedExpenseAsync("2026-11-12", 450m, "transport", "Auto to office");
        await OpenAsync("/");
        var row = Page.Locator($"#expense-{expense.Id}");

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(App.BaseAddress, $"/expenses/{expense.Id}/edit").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Edit expense" })).ToBeVisibleAsync();
        await InspectPageAsync("edit-page-without-js");
        await Page.GetByLabel("Amount (₹)").FillAsync("475");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved ₹475.00 on 12 Nov 2026.");
        await Expect(row.Locator(".amount")).ToHaveTextAsync("₹475.00");

        await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Delete this expense?" })).ToBeVisibleAsync();
        await InspectPageAsync("delete-confirmation-without-js");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).Locator(".flash-text")).ToHaveTextAsync("Deleted ₹475.00 Transport");
        await Expect(Page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Equal(0, (await StoredTotalsAsync()).Count);
    }

    [Fact]
    public async Task OnAPhoneTheMenuLinksAreThereWithoutTheToggle()
    {
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await OpenAsync("/");

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeHiddenAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Categories" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Categories" })).ToBeVisibleAsync();
        await InspectPageAsync("categories-without-js");
    }
}
