using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>The settings pages share one sub-navigation under the main navigation's "Settings".</summary>
[Collection(BrowserCollection.Name)]
public class SettingsJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task SettingsHoldTheBudgetAndTheAccessTokens()
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        var tabs = Page.GetByRole(AriaRole.Navigation, new() { Name = "Settings" });
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "Budget" })).ToHaveAttributeAsync("aria-current", "page");
        await InspectPageAsync("settings-budget");

        var budget = Page.Locator("#budget-form");
        await budget.GetByLabel("Budget (₹)").FillAsync("25000");
        await budget.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Saved: ₹25,000.00 a month");

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Access tokens" }).ClickAsync();
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "Access tokens" })).ToHaveAttributeAsync("aria-current", "page");
        await Page.GetByLabel("New token").FillAsync("bank import");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(Page.Locator("#new-token-secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^et_"));
        await InspectPageAsync("settings-tokens");
    }
}
