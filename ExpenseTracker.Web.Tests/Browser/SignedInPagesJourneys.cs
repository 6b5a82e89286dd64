using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// The pages that arrived with insights and alerts, signed in and under the Content-Security-Policy: Chart.js draws
/// from the summary API with the session cookie, and the settings pages share one sub-navigation.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SignedInPagesJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    private const string EveryChartDrawn =
        "() => { const canvases = [...document.querySelectorAll('canvas[data-chart]')]; return canvases.length > 0 && canvases.every(canvas => Chart.getChart(canvas)); }";

    [Fact]
    public async Task TheChartsDrawFromTheApiAndRedrawWhenTheFilterChanges()
    {
        await SeedExpenseAsync("2026-11-03", 450, "food", "Dosa");
        await SeedExpenseAsync("2026-11-05", 1_200, "transport", "Train");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Charts" }).ClickAsync();
        await Page.WaitForFunctionAsync(EveryChartDrawn);
        await InspectPageAsync("charts");
        var mark = await MarkPageAsync();

        await Page.Locator("#charts-filter").GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Transport" });

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("category=transport"));
        await Page.WaitForFunctionAsync(EveryChartDrawn);
        await Expect(Page.Locator("#insights [role=alert]")).ToHaveCountAsync(0);
        await AssertNoReloadAsync(mark);
    }

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
        await Expect(Page.Locator("#budget-settings [role=status]")).ToContainTextAsync("Saved: ₹25,000.00 a month");

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Access tokens" }).ClickAsync();
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "Access tokens" })).ToHaveAttributeAsync("aria-current", "page");
        await Page.GetByLabel("New token").FillAsync("bank import");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(Page.Locator("#new-token-secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^et_"));
        await InspectPageAsync("settings-tokens");
    }
}
