using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Expenses;

public class AddingExpensesTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AFullPagePostStoresTheExpenseAndRedirectsBackToTheList()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "1,234.50",
            ["Input.Date"] = "2026-11-14",
            ["Input.CategoryId"] = "food",
            ["Input.Description"] = "Dinner with friends",
            ["Input.Tags"] = " Friends, weekend ,friends",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync("/");
        var row = Assert.Single(list.QuerySelectorAll("#expense-rows tr[id^=expense-]"));
        Assert.Contains("₹1,234.50", row.TextContent);
        Assert.Contains("14 Nov 2026", row.TextContent);
        Assert.Contains("Food & Dining", row.TextContent);
        Assert.Equal(["friends", "weekend"], row.QuerySelectorAll(".badge.rounded-pill").Select(tag => tag.TextContent));
        Assert.Equal("₹1,234.50", list.QuerySelector("[data-total]")!.TextContent);
    }

    [Fact]
    public async Task AnHtmxPostAnswersWithAFreshFormAndTellsThePageToRefresh()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "250",
            ["Input.CategoryId"] = "transport",
        }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["expense-added", "expenses-changed"], response.HtmxTriggers());
        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Contains("Added ₹250.00 for Transport.", fragment.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlInputElement)fragment.QuerySelector("input[name='Input.Amount']")!).Value);
    }
}
