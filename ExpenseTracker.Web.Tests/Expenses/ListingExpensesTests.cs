using System.Net;
using AngleSharp.Dom;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;

namespace ExpenseTracker.Web.Tests.Expenses;

public class ListingExpensesTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AnEmptyListShowsAFriendlyEmptyStateAndAZeroTotal()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/");

        Assert.Contains("No expenses yet", page.QuerySelector("#expense-rows .empty-state")!.TextContent);
        Assert.Equal("₹0.00", page.QuerySelector("[data-total]")!.TextContent);
        Assert.Equal("0", page.QuerySelector("[data-count]")!.TextContent);
    }

    [Fact]
    public async Task TheListShowsTheNewestDateFirst()
    {
        await factory.AddAsync(Expense.On(2026, 11, 1).Described("first"));
        await factory.AddAsync(Expense.On(2026, 11, 12).Described("latest"));
        await factory.AddAsync(Expense.On(2026, 11, 5).Described("middle"));

        var page = await factory.CreatePlainClient().GetDocumentAsync("/");

        Assert.Equal(["latest", "middle", "first"], Descriptions(page));
    }

    [Fact]
    public async Task LoadMoreWalksThroughEveryExpenseOnceWithAndWithoutHtmx()
    {
        for (var day = 1; day <= 30; day++)
        {
            await factory.AddAsync(Expense.On(2026, 10, day).Described($"day {day}"));
            await factory.AddAsync(Expense.On(2026, 10, day).Described($"day {day} again"));
        }

        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var seen = Descriptions(page).ToList();
        Assert.Equal(25, seen.Count);

        // Without JavaScript: follow the plain link.
        var plainNext = page.QuerySelector("#load-more a")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(plainNext);
        Assert.Contains("Showing older expenses", second.Body!.TextContent);
        Assert.Equal(25, Descriptions(second).Count);

        // With htmx: the Load more row is replaced by the next rows and a new Load more row.
        var htmxNext = page.QuerySelector("#load-more a")!.GetAttribute("hx-get")!;
        while (htmxNext is not null)
        {
            var response = await client.HtmxGetAsync(htmxNext);
            var fragment = await Html.ParseFragmentAsync(response);
            seen.AddRange(Descriptions(fragment));
            htmxNext = fragment.QuerySelector("#load-more a")?.GetAttribute("hx-get")!;
        }

        Assert.Equal(60, seen.Count);
        Assert.Equal(60, seen.Distinct().Count());
        Assert.Equal(Descriptions(second), seen.Skip(25).Take(25));
    }

    [Fact]
    public async Task APageThatEndsExactlyAtTheLastExpenseOffersNoLoadMore()
    {
        for (var i = 0; i < 25; i++)
        {
            await factory.AddAsync(Expense.On(2026, 11, 1 + (i % 10)));
        }

        var page = await factory.CreatePlainClient().GetDocumentAsync("/");

        Assert.Equal(25, page.QuerySelectorAll("#expense-rows tr[id^=expense-]").Length);
        Assert.Null(page.QuerySelector("#load-more"));
    }

    [Fact]
    public async Task FiltersNarrowTheListAndTheCountAndTotalFollowThem()
    {
        await factory.AddAsync(Expense.On(2026, 11, 2).Costing(100).In("food").Described("Breakfast at cafe").Tagged("work"));
        await factory.AddAsync(Expense.On(2026, 11, 3).Costing(250.50m).In("food").Described("Dinner").Tagged("family"));
        await factory.AddAsync(Expense.On(2026, 11, 4).Costing(1000).In("travel").Described("Train to Pune").Tagged("work"));
        await factory.AddAsync(Expense.On(2026, 10, 30).Costing(70).In("food").Described("Cafe coffee"));
        var client = factory.CreatePlainClient();

        await AssertFilter(client, "/?category=food", ["Dinner", "Breakfast at cafe", "Cafe coffee"], "₹420.50");
        await AssertFilter(client, "/?tag=WORK", ["Train to Pune", "Breakfast at cafe"], "₹1,100.00");
        await AssertFilter(client, "/?q=cafe", ["Breakfast at cafe", "Cafe coffee"], "₹170.00");
        await AssertFilter(client, "/?from=2026-11-01&to=2026-11-03", ["Dinner", "Breakfast at cafe"], "₹350.50");
        await AssertFilter(client, "/?from=2026-11-01&category=food&tag=work", ["Breakfast at cafe"], "₹100.00");
        await AssertFilter(client, "/?q=100%25", [], "₹0.00");
    }

    [Fact]
    public async Task TheFilterFormWorksThroughHtmxByAnsweringTheFiltersAndTheListOnly()
    {
        await factory.AddAsync(Expense.In("food").Described("Lunch"));
        await factory.AddAsync(Expense.In("travel").Described("Taxi"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var form = page.Form("#filter-form");
        Assert.Equal(("/", "#expense-browser", "outerHTML"), (form.GetAttribute("hx-get"), form.GetAttribute("hx-target"), form.GetAttribute("hx-swap")));

        var response = await client.HtmxGetAsync("/?category=travel");

        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.Null(fragment.QuerySelector("nav, #add-form"));
        Assert.Equal("travel", ((AngleSharp.Html.Dom.IHtmlSelectElement)fragment.QuerySelector("#filter-category")!).Value);
        Assert.Equal(["Taxi"], Descriptions(fragment.QuerySelector("#expense-browser #expense-list")!));
        Assert.Contains("matching the filters", fragment.QuerySelector("#expense-totals")!.TextContent);
    }


    [Fact]
    public async Task TotalsAndRowsCanBeReloadedOnTheirOwnWithTheCurrentFilters()
    {
        await factory.AddAsync(Expense.In("food").Costing(10));
        await factory.AddAsync(Expense.In("travel").Costing(20));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/?category=travel");

        var totalsUrl = page.QuerySelector("#expense-totals")!.GetAttribute("hx-get")!;
        var rowsReload = page.QuerySelector("#expense-rows-reload")!;
        var rowsUrl = rowsReload.GetAttribute("hx-get")!;
        var totals = await Html.ParseFragmentAsync(await client.HtmxGetAsync(totalsUrl));
        var rows = await Html.ParseFragmentAsync(await client.HtmxGetAsync(rowsUrl));

        Assert.Equal("expenses-changed from:body", page.QuerySelector("#expense-totals")!.GetAttribute("hx-trigger"));
        Assert.Equal("expense-added from:body", rowsReload.GetAttribute("hx-trigger"));
        Assert.Equal("#expense-rows", rowsReload.GetAttribute("hx-target"));
        Assert.Equal("₹20.00", totals.QuerySelector("[data-total]")!.TextContent);
        Assert.Single(rows.QuerySelectorAll("tr[id^=expense-]"));
    }

    [Theory]
    [InlineData("/?from=2026-13-01", "real date")]
    [InlineData("/?from=2026-11-10&to=2026-11-01", "before the start date")]
    [InlineData("/?category=nope", "does not exist")]
    public async Task ABadFilterIsExplainedNextToItsFieldAndIgnored(string url, string message)
    {
        await factory.AddAsync(Expense.Described("Kept"));

        var page = await factory.CreatePlainClient().GetDocumentAsync(url);

        Assert.Contains(message, page.QuerySelector("#filter-form .invalid-feedback")!.TextContent);
        Assert.Equal(["Kept"], Descriptions(page));
    }

    [Fact]
    public async Task ATamperedPageLinkIsA400NotA500()
    {
        var response = await factory.CreatePlainClient().GetAsync("/?cursor=not-a-cursor");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That request could not be understood", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AnotherUsersExpensesNeverAppear()
    {
        await factory.AddAsync(Expense.Described("mine"));
        await factory.AddAsync(Expense.Described("theirs").Costing(999), userId: "someone-else");

        var page = await factory.CreatePlainClient().GetDocumentAsync("/");

        Assert.Equal(["mine"], Descriptions(page));
        Assert.Equal("₹100.00", page.QuerySelector("[data-total]")!.TextContent);
    }

    private async Task AssertFilter(HttpClient client, string url, string[] descriptions, string total)
    {
        var page = await client.GetDocumentAsync(url);
        Assert.Equal(descriptions, Descriptions(page));
        Assert.Equal(total, page.QuerySelector("[data-total]")!.TextContent);
        Assert.Equal(descriptions.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-count]")!.TextContent);
    }

    private static IReadOnlyList<string> Descriptions(IParentNode scope) =>
        scope.QuerySelectorAll("tr[id^=expense-] td.description").Select(cell => cell.TextContent).ToList();
}
