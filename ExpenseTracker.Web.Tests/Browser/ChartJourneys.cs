using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ChartJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    private static readonly string[] ChartsOfTheChartsPage = ["#chart-category-bar", "#chart-category-doughnut", "#chart-by-day", "#chart-by-month"];

    [Fact]
    public async Task TheChartsPageDrawsEveryChart()
    {
        await SeedTypicalMonthAsync();

        await OpenAsync("/charts");

        foreach (var canvas in ChartsOfTheChartsPage)
        {
            await WaitUntilDrawnAsync(canvas);
        }

        Assert.Equal(["Rent & Housing", "Groceries", "Bills & Utilities", "Transport"], await LabelsAsync("#chart-category-bar"));
        Assert.Equal(30, (await LabelsAsync("#chart-by-day")).Count);
        await InspectPageAsync("charts");
    }

    [Fact]
    public async Task ChoosingACategoryRedrawsTheChartsWithoutReloadingThePage()
    {
        await SeedTypicalMonthAsync();
        await OpenAsync("/charts");
        await WaitUntilDrawnAsync("#chart-category-bar");
        var mark = await MarkPageAsync();

        await Page.Locator("#charts-filter").GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Transport" });
        await Page.Locator("#charts-filter").GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(Page.Locator("#table-by-category tbody tr")).ToHaveCountAsync(1);
        await WaitUntilAsync("#chart-category-bar", "c => { const chart = Chart.getChart(c); return !!chart && chart.data.labels.length === 1 && chart.data.labels[0] === 'Transport'; }");
        foreach (var canvas in ChartsOfTheChartsPage)
        {
            await WaitUntilDrawnAsync(canvas);
        }

        // Swapped-out charts were destroyed: one live chart per canvas on the page, no leftovers.
        Assert.Equal(4, await Page.EvaluateAsync<int>("() => Object.keys(Chart.instances).length"));
        await AssertNoReloadAsync(mark);
        await InspectPageAsync("charts-transport");
    }

    [Fact]
    public async Task TheCompactChartOnTheExpensePageFollowsAnAdd()
    {
        await SeedExpenseAsync("2026-11-03", 500m, "groceries", "Vegetables");
        await OpenAsync("/");
        await WaitUntilDrawnAsync("#chart-category-compact");
        Assert.Equal(["Groceries"], await LabelsAsync("#chart-category-compact"));
        var mark = await MarkPageAsync();

        var form = Page.Locator("#add-form");
        await form.GetByLabel("Amount (₹)").FillAsync("750");
        await form.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Health" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        await WaitUntilAsync("#chart-category-compact", "c => { const chart = Chart.getChart(c); return !!chart && chart.data.labels.join('|') === 'Health|Groceries'; }");
        await WaitUntilDrawnAsync("#chart-category-compact");
        await AssertNoReloadAsync(mark);
    }

    [Fact]
    public async Task OnAPhoneTheExpensePagesChartAndItsLibraryWaitUntilScrolledIntoView()
    {
        await SeedExpenseAsync("2026-11-03", 500m, "groceries", "Vegetables");
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await OpenAsync("/");
        // The add form fills the phone's screen; the chart under it waits, and Chart.js is not even fetched yet.
        await Expect(Page.Locator("#add-amount")).ToBeVisibleAsync();
        await Page.WaitForTimeoutAsync(500);
        Assert.True(await Page.EvaluateAsync<bool>("() => typeof window.Chart === 'undefined'"));

        await Page.Locator("#chart-category-compact").ScrollIntoViewIfNeededAsync();

        await WaitUntilDrawnAsync("#chart-category-compact");
        Assert.Equal(["Groceries"], await LabelsAsync("#chart-category-compact"));
    }

    private async Task SeedTypicalMonthAsync()
    {
        await SeedExpenseAsync("2026-11-01", 18_000m, "rent", "November rent");
        await SeedExpenseAsync("2026-11-02", 2_450m, "groceries", "Weekly vegetables");
        await SeedExpenseAsync("2026-11-09", 1_980m, "groceries", "Weekly vegetables");
        await SeedExpenseAsync("2026-11-10", 1_299m, "bills", "Broadband");
        await SeedExpenseAsync("2026-11-12", 180m, "transport", "Auto");
        await SeedExpenseAsync("2026-10-20", 900m, "transport", "Train");
    }

    private async Task<IReadOnlyList<string>> LabelsAsync(string canvas) =>
        await Page.Locator(canvas).EvaluateAsync<string[]>("c => Chart.getChart(c).data.labels.map(String)");

    /// <summary>
    /// Scrolls to the canvas (a chart is drawn when it comes into view), then waits until it has pixels that are not
    /// transparent: Chart.js really drew on it.
    /// </summary>
    private async Task WaitUntilDrawnAsync(string canvas)
    {
        await Page.Locator(canvas).ScrollIntoViewIfNeededAsync();
        await WaitUntilAsync(canvas, "c => c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)");
    }

    /// <summary>Looks the canvas up afresh each time: an htmx swap replaces it (and destroys the old one's chart).</summary>
    private Task WaitUntilAsync(string canvas, string predicate) =>
        Page.WaitForFunctionAsync($"selector => {{ const c = document.querySelector(selector); return !!c && ({predicate})(c); }}", canvas, new() { Timeout = 10_000 });
}
