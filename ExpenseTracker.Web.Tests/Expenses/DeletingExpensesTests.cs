using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;

namespace ExpenseTracker.Web.Tests.Expenses;

public class DeletingExpensesTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheDeleteButtonAsksForConfirmationAndAnHtmxDeleteRemovesTheRowAndRefreshesTotals()
    {
        var expense = await factory.AddAsync(Expense.Costing(99));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var button = page.QuerySelector($"#expense-{expense.Id} a[hx-post$='/delete']")!;
        Assert.Contains("Delete the expense of ₹99.00", button.GetAttribute("hx-confirm"));

        var response = await client.HtmxPostAsync(button.GetAttribute("hx-post")!, page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(["expenses-changed"], response.HtmxTriggers());
        Assert.Empty(await factory.AllExpensesAsync());
        var totals = await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.QuerySelector("#expense-totals")!.GetAttribute("hx-get")!));
        Assert.Equal("₹0.00", totals.QuerySelector("[data-total]")!.TextContent);
    }

    [Fact]
    public async Task WithoutJavaScriptTheDeleteLinkOpensAConfirmationPageThatDeletesAndRedirects()
    {
        var expense = await factory.AddAsync(Expense.Costing(99).Described("Snacks"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var confirmation = await client.GetDocumentAsync(page.QuerySelector($"#expense-{expense.Id} a[hx-post$='/delete']")!.GetAttribute("href")!);
        Assert.Contains("Snacks", confirmation.QuerySelector("dl")!.TextContent);
        Assert.NotEmpty(await factory.AllExpensesAsync());
        var response = await client.SubmitAsync(confirmation.Form("main form"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await factory.AllExpensesAsync());
        Assert.Contains("Expense deleted", (await client.GetDocumentAsync("/")).QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task DeletingAnExpenseThatDoesNotExistOrBelongsToSomeoneElseIs404AndChangesNothing()
    {
        var theirs = await factory.AddAsync(Expense.Described("Theirs"), userId: "someone-else");
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        foreach (var id in new[] { theirs.Id, "no-such-id" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/expenses/{id}/delete")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.HtmxPostAsync($"/expenses/{id}/delete", page)).StatusCode);
        }

        Assert.Equal(theirs, await factory.Expenses().FindAsync("someone-else", theirs.Id));
    }

    [Fact]
    public async Task ADeleteWithoutTheAntiforgeryTokenIsRefusedWith400()
    {
        var expense = await factory.AddAsync(Expense);
        var client = factory.CreatePlainClient();
        await client.GetDocumentAsync("/");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/expenses/{expense.Id}/delete") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await factory.AllExpensesAsync());
    }
}
