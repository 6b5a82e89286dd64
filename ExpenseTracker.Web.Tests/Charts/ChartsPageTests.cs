using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Charts;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Charts;

/// <summary>The charts page: which JSON its charts load, the tables that say the same in text, the cards and the filters.</summary>
public class ChartsPageTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheChartsLoadTheSummaryEndpointsForThisMonthAndTheTwelveMonthsToIt()
    {
        await factory.AddExpenseAsync("2026-11-03", "100");

        var page = await factory.CreatePlainClient().GetDocumentAsync("/charts");

        Assert.Equal("/api/summaries/by-category?from=2026-11-01&to=2026-11-30", DataUrl(page, "category-bar"));
        Assert.Equal("/api/summaries/by-category?from=2026-11-01&to=2026-11-30", DataUrl(page, "category-doughnut"));
        Assert.Equal("/api/summaries/by-day?from=2026-11-01&to=2026-11-30", DataUrl(page, "day-line"));
        Assert.Equal("/api/summaries/by-month?from=2025-12-01&to=2026-11-30", DataUrl(page, "month-line"));
        // charts.js fetches Chart.js itself when the first chart comes into view: its URL rides on charts.js's tag.
        var charts = page.QuerySelector("script[src='/static/js/charts.js']")!;
        Assert.Equal("/static/vendor/chart.umd.min.js", charts.GetAttribute("data-chart-library"));
        Assert.Null(page.QuerySelector("script[src='/static/vendor/chart.umd.min.js']"));
    }

    [Fact]
    public async Task EachChartHasATableWithTheSameNumbersAsTheJsonItDraws()
    {
        await factory.AddExpenseAsync("2026-11-03", "1,23,456.78", "rent");
        await factory.AddExpenseAsync("2026-11-03", "20", "food");
        await factory.AddExpenseAsync("2026-11-09", "30.50", "food");
        await factory.AddExpenseAsync("2026-06-09", "999", "health");
        var client = factory.CreatePlainClient();

        var page = await client.GetDocumentAsync("/charts");

        var byCategory = (await client.GetFromJsonAsync<SpendingSummary<CategorySpending>>(DataUrl(page, "category-bar")))!;
        Assert.Equal(byCategory.Series.Select(point => new[] { point.Name, $"{point.Count}", point.Formatted }), Rows(page, "#table-by-category"));
        Assert.Equal(["Rent & Housing", "1", "₹1,23,456.78"], Rows(page, "#table-by-category")[0]);

        var byDay = (await client.GetFromJsonAsync<SpendingSummary<DaySpending>>(DataUrl(page, "day-line")))!;
        Assert.Equal(byDay.Series.Select(point => point.Formatted), Rows(page, "#table-by-day").Select(row => row[2]));
        Assert.Equal(["Tue 3 Nov 2026", "2", "₹1,23,476.78"], Rows(page, "#table-by-day")[2]);

        var byMonth = (await client.GetFromJsonAsync<SpendingSummary<MonthSpending>>(DataUrl(page, "month-line")))!;
        Assert.Equal(byMonth.Series.Select(point => new[] { point.Label, $"{point.Count}", point.Formatted }), Rows(page, "#table-by-month"));
        Assert.Equal(["Jun 2026", "1", "₹999.00"], Rows(page, "#table-by-month")[6]);
        Assert.Equal(byMonth.TotalFormatted, page.QuerySelector("#table-by-month tfoot td:last-child")!.TextContent);
    }

    [Fact]
    public async Task TheCardsShowThisMonthLastMonthTheDailyAverageSoFarAndTheTopCategory()
    {
        await factory.AddExpenseAsync("2026-11-01", "1,000", "rent");
        await factory.AddExpenseAsync("2026-11-15", "500", "food");
        await factory.AddExpenseAsync("2026-11-28", "300", "food");
        await factory.AddExpenseAsync("2026-10-31", "250", "transport");

        var page = await factory.CreatePlainClient().GetDocumentAsync("/charts");

        Assert.Equal("₹1,800.00", Card(page, "this-month"));
        Assert.Equal("₹250.00", Card(page, "last-month"));
        // ₹1,800 over the 15 days of November up to today (the 15th), future days not counted.
        Assert.Equal("₹120.00", Card(page, "average"));
        Assert.Contains("over 15 days", page.QuerySelector("[data-card=average]")!.ParentElement!.TextContent);
        Assert.Equal("Rent & Housing", Card(page, "top-category"));
    }

    [Theory]
    [InlineData("preset=last-month", "2026-10-01", "2026-10-31")]
    [InlineData("preset=last-3-months", "2026-09-01", "2026-11-30")]
    [InlineData("preset=last-6-months", "2026-06-01", "2026-11-30")]
    [InlineData("preset=last-12-months", "2025-12-01", "2026-11-30")]
    [InlineData("preset=custom&from=2026-03-05&to=2026-04-20", "2026-03-05", "2026-04-20")]
    [InlineData("from=2026-03-05&to=2026-04-20", "2026-03-05", "2026-04-20")]
    public async Task APresetOrCustomRangeSetsTheRangeOfEveryChartAndTheDateFields(string query, string from, string to)
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync($"/charts?{query}");

        Assert.Equal($"/api/summaries/by-day?from={from}&to={to}", DataUrl(page, "day-line"));
        Assert.Equal(from, ((IHtmlInputElement)page.QuerySelector("#charts-from")!).Value);
        Assert.Equal(to, ((IHtmlInputElement)page.QuerySelector("#charts-to")!).Value);
    }

    [Fact]
    public async Task TheCategoryAndTagFiltersApplyToEveryChartAndTheCards()
    {
        await factory.AddExpenseAsync("2026-11-02", "100", "food", tags: "work");
        await factory.AddExpenseAsync("2026-11-02", "7", "transport", tags: "work");

        var page = await factory.CreatePlainClient().GetDocumentAsync("/charts?preset=this-month&category=food&tag=work");

        Assert.All(page.QuerySelectorAll("canvas[data-chart]"), canvas => Assert.EndsWith("&category=food&tag=work", canvas.GetAttribute("data-summary-url")));
        Assert.Equal("₹100.00", Card(page, "this-month"));
        Assert.Equal("food", ((IHtmlSelectElement)page.QuerySelector("#charts-category")!).Value);
    }

    [Theory]
    [InlineData("preset=custom&from=2025-01-01&to=2026-11-30", "to", "at most 366 days")]
    [InlineData("preset=custom&from=2026-11-31", "from", "Enter a real date")]
    [InlineData("preset=fortnight", "preset", "Choose one of the listed periods.")]
    [InlineData("category=gone", "category", "That category does not exist.")]
    public async Task FiltersThatCannotBeUsedAreExplainedAndTheChartsShowThisMonth(string query, string field, string message)
    {
        var response = await factory.CreatePlainClient().GetAsync($"/charts?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector($"[name={field}] ~ .invalid-feedback")!.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-warning[role=alert]"));
        Assert.Equal("/api/summaries/by-day?from=2026-11-01&to=2026-11-30", DataUrl(page, "day-line"));
    }

    [Fact]
    public async Task TheFilterFormWorksWithoutJavaScriptAndSwapsTheSectionWithHtmx()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/charts");

        var form = page.Form("#charts-filter");
        Assert.Equal(("get", "/charts"), (form.Method, form.GetAttribute("action")));
        Assert.Equal(("/charts", "#insights", "outerHTML"), (form.GetAttribute("hx-get"), form.GetAttribute("hx-target"), form.GetAttribute("hx-swap")));
        Assert.NotNull(page.QuerySelector("#insights #summary-cards"));
        Assert.NotNull(page.QuerySelector("#insights #table-by-day"));

        var swapped = await Html.ParseFragmentAsync(await factory.CreatePlainClient().HtmxGetAsync("/charts?preset=last-month"));
        Assert.Null(swapped.QuerySelector("nav"));
        Assert.Equal("last-month", ((AngleSharp.Html.Dom.IHtmlSelectElement)swapped.QuerySelector("#insights #charts-preset")!).Value);
        Assert.NotNull(swapped.QuerySelector("#insights #table-by-day"));
    }

    [Fact]
    public async Task WithNoSpendingTheCategoryChartsGiveWayToAMessageAndTheTablesStay()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/charts");

        Assert.Null(page.QuerySelector("canvas[data-chart=category-bar]"));
        Assert.Contains("No expenses in this period.", page.QuerySelector("#by-category-heading")!.ParentElement!.TextContent);
        Assert.Equal("—", Card(page, "top-category"));
        Assert.Equal(30, page.QuerySelectorAll("#table-by-day tbody tr").Length);
    }

    [Theory]
    [InlineData("/charts")]
    [InlineData("/")]
    public async Task PagesWithChartsHaveNoInlineScriptsOrStyles(string url)
    {
        await factory.AddExpenseAsync("2026-11-03", "100");

        var page = await factory.CreatePlainClient().GetDocumentAsync(url);

        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), $"Inline script: {script.OuterHtml}"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(element => element.Attributes), attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheNavigationLinksToTheChartsAndMarksThemCurrent()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/charts");

        Assert.Equal("/charts", page.QuerySelector("nav a[aria-current=page]")!.GetAttribute("href"));
    }

    private static string DataUrl(IHtmlDocument page, string chart) =>
        page.QuerySelector($"canvas[data-chart={chart}]")?.GetAttribute("data-summary-url") ?? throw new InvalidOperationException($"No {chart} chart.");

    private static List<string[]> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(row => row.Children.Select(cell => cell.TextContent.Trim()).ToArray()).ToList();

    private static string Card(IHtmlDocument page, string card) => page.QuerySelector($"[data-card={card}]")!.TextContent.Trim();
}
