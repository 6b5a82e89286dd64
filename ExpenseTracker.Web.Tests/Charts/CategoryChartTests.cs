using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Charts;

/// <summary>The compact category chart on the expense page, and its refresh after every change.</summary>
public class CategoryChartTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheExpensePageShowsThisMonthsSpendingByCategoryAsAChartAndATable()
    {
        await factory.AddExpenseAsync("2026-11-03", "300", "rent");
        await factory.AddExpenseAsync("2026-11-04", "45.50", "food");
        await factory.AddExpenseAsync("2026-10-31", "999", "food");

        var page = await factory.CreatePlainClient().GetDocumentAsync("/");

        var chart = page.QuerySelector("#expense-list #category-chart")!;
        Assert.Contains("November 2026", chart.QuerySelector("h3")!.TextContent);
        Assert.Equal("/api/summaries/by-category?from=2026-11-01&to=2026-11-30", chart.QuerySelector("canvas[data-chart=category-compact]")!.GetAttribute("data-summary-url"));
        Assert.Equal(
            [["Rent & Housing", "1", "₹300.00"], ["Food & Dining", "1", "₹45.50"]],
            chart.QuerySelectorAll("tbody tr").Select(row => row.Children.Select(cell => cell.TextContent.Trim()).ToArray()));
        var reload = chart.QuerySelector("#category-chart-reload")!;
        Assert.Equal("expenses-changed from:body", reload.GetAttribute("hx-trigger"));
        Assert.Equal("#category-chart", reload.GetAttribute("hx-target"));
        Assert.Equal("/charts?preset=custom&from=2026-11-01&to=2026-11-30", chart.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AfterAnAddTheRefreshShowsTheNewTotals()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var refreshUrl = page.QuerySelector("#category-chart-reload")!.GetAttribute("hx-get")!;

        var added = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "1,250",
            ["Input.Date"] = "2026-11-14",
            ["Input.CategoryId"] = "groceries",
        }, htmx: true);
        Assert.Contains("expenses-changed", added.HtmxTriggers());

        var refreshed = await Html.ParseFragmentAsync(await client.HtmxGetAsync(refreshUrl));
        Assert.Equal("₹1,250.00", refreshed.QuerySelector("#category-chart [data-chart-total]")!.TextContent);
        Assert.Contains("Groceries", refreshed.QuerySelector("#category-chart tbody")!.TextContent);
        Assert.NotNull(refreshed.QuerySelector("#category-chart canvas[data-chart=category-compact]"));
    }

    [Fact]
    public async Task AfterADeleteTheRefreshNoLongerCountsIt()
    {
        var expense = await factory.AddExpenseAsync("2026-11-10", "80", "health");
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var refreshUrl = page.QuerySelector("#category-chart-reload")!.GetAttribute("hx-get")!;

        await client.HtmxPostAsync($"/expenses/{expense.Id}/delete", page);

        var refreshed = await Html.ParseFragmentAsync(await client.HtmxGetAsync(refreshUrl));
        Assert.Contains("No spending in November 2026 yet.", refreshed.QuerySelector("#category-chart")!.TextContent);
        Assert.Null(refreshed.QuerySelector("#category-chart canvas"));
    }

    [Fact]
    public async Task AFilteredListChartsItsOwnRangeCategoryAndTag()
    {
        await factory.AddExpenseAsync("2026-09-10", "70", "food", tags: "trip");
        await factory.AddExpenseAsync("2026-09-11", "30", "food");

        var page = await factory.CreatePlainClient().GetDocumentAsync("/?from=2026-09-01&to=2026-09-30&category=food&tag=trip");

        var chart = page.QuerySelector("#category-chart")!;
        Assert.Equal(
            "/api/summaries/by-category?from=2026-09-01&to=2026-09-30&category=food&tag=trip",
            chart.QuerySelector("canvas")!.GetAttribute("data-summary-url"));
        Assert.Equal("₹70.00", chart.QuerySelector("[data-chart-total]")!.TextContent);
        Assert.Contains("from=2026-09-01", chart.QuerySelector("#category-chart-reload")!.GetAttribute("hx-get"));
    }

    [Fact]
    public async Task AListFilterTheChartCannotUseIsExplainedInsteadOfFailing()
    {
        var response = await factory.CreatePlainClient().GetAsync("/?from=2015-01-01&to=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("at most 60 months", page.QuerySelector("#category-chart")!.TextContent);
    }
}
