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
        Assert.Equal(["expense-added", "expenses-changed", "flash"], response.HtmxTriggers());
        Assert.Equal(new FlashEvent("Added ₹250.00 for Transport.", "success", null, 8), response.Flash());
        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Null(fragment.QuerySelector("[role=status]"));
        Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlInputElement)fragment.QuerySelector("input[name='Input.Amount']")!).Value);
    }

    [Theory]
    [InlineData("120+45.50", 16550)]
    [InlineData("1,200 + 99", 129900)]
    [InlineData("₹10+₹5.5+0.25", 1575)]
    public async Task TheAmountMayBeASimpleSumWhichTheServerAddsUpItself(string typed, long paise)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = typed }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(paise, Assert.Single(await factory.AllExpensesAsync()).Amount.Paise);
    }

    [Theory]
    [InlineData("120-45")]
    [InlineData("120+")]
    [InlineData("+120")]
    [InlineData("2*3")]
    [InlineData("1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1")]
    public async Task AnythingElseIsRefusedWithTheAmountFieldsUsualMessageAndStoresNothing(string typed)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = typed }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = await Html.ParseFragmentAsync(response);
        Assert.StartsWith("Enter the amount in rupees", form.QuerySelector("#add-Amount-error")!.TextContent);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task ASumWithATermOfThreeDecimalsSaysSoAndStoresNothing()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "120+45.555" }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = await Html.ParseFragmentAsync(response);
        Assert.StartsWith("The amount can have at most two decimals", form.QuerySelector("#add-Amount-error")!.TextContent);
        Assert.Empty(await factory.AllExpensesAsync());
    }

}
