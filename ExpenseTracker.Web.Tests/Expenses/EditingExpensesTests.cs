using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;

namespace ExpenseTracker.Web.Tests.Expenses;

public class EditingExpensesTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task EditTurnsTheRowIntoAFormAndSaveSwapsTheUpdatedRowBack()
    {
        var expense = await factory.AddAsync(Expense.Costing(100).Described("Lunch"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var editUrl = page.QuerySelector($"#expense-{expense.Id} a[hx-get$='/edit']")!.GetAttribute("hx-get")!;

        var editRow = await Html.ParseFragmentAsync(await client.HtmxGetAsync(editUrl));
        var response = await client.SubmitAsync(editRow.Form($"#expense-{expense.Id} form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "1,50,000",
            ["Input.Description"] = "Laptop",
            ["Input.CategoryId"] = "shopping",
        }, htmx: true, page: page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["expenses-changed", "flash"], response.HtmxTriggers());
        Assert.Equal("Saved ₹1,50,000.00 on 10 Nov 2026.", response.Flash()!.Text);
        var row = (await Html.ParseFragmentAsync(response)).QuerySelector($"#expense-{expense.Id}")!;
        Assert.Contains("₹1,50,000.00", row.TextContent);
        Assert.Contains("Shopping", row.TextContent);
        var stored = await factory.Expenses().FindAsync(factory.DefaultUserId, expense.Id);
        Assert.Equal(("Laptop", 15_000_000L, 2), (stored!.Description, stored.Amount.Paise, stored.Version));
    }

    [Fact]
    public async Task CancelSwapsTheUnchangedRowBack()
    {
        var expense = await factory.AddAsync(Expense.Described("Lunch"));
        var client = factory.CreatePlainClient();
        var editRow = await Html.ParseFragmentAsync(await client.HtmxGetAsync($"/expenses/{expense.Id}/edit"));
        var cancelUrl = editRow.QuerySelector("a[hx-get*='handler=Row']")!.GetAttribute("hx-get")!;

        var row = await Html.ParseFragmentAsync(await client.HtmxGetAsync(cancelUrl));

        Assert.Equal("Lunch", row.QuerySelector($"#expense-{expense.Id} td.description")!.TextContent);
        Assert.Null(row.QuerySelector("form"));
    }

    [Fact]
    public async Task WithoutJavaScriptTheEditLinkOpensAFormPageThatSavesAndRedirects()
    {
        var expense = await factory.AddAsync(Expense.Described("Lunch"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var href = page.QuerySelector($"#expense-{expense.Id} a[hx-get$='/edit']")!.GetAttribute("href")!;

        var editPage = await client.GetDocumentAsync(href);
        var response = await client.SubmitAsync(editPage.Form("main form"), new Dictionary<string, string> { ["Input.Description"] = "Brunch" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync("/");
        Assert.Contains("Saved ₹100.00", list.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Brunch", list.QuerySelector($"#expense-{expense.Id} td.description")!.TextContent);
    }

    [Fact]
    public async Task AnInvalidEditShowsTheMessageInTheRowAndChangesNothing()
    {
        var expense = await factory.AddAsync(Expense.Costing(100));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var editRow = await Html.ParseFragmentAsync(await client.HtmxGetAsync($"/expenses/{expense.Id}/edit"));

        var response = await client.SubmitAsync(editRow.Form("form"), new Dictionary<string, string> { ["Input.Amount"] = "-1" }, htmx: true, page: page);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Contains("more than ₹0", fragment.QuerySelector($"#edit-{expense.Id}-Amount-error")!.TextContent);
        Assert.Equal(expense, await factory.Expenses().FindAsync(factory.DefaultUserId, expense.Id));
    }

    [Fact]
    public async Task SavingAFormOpenedBeforeSomeoneElsesSaveIsA409ThatKeepsTheirChange()
    {
        var expense = await factory.AddAsync(Expense.Described("Original"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var staleForm = (await Html.ParseFragmentAsync(await client.HtmxGetAsync($"/expenses/{expense.Id}/edit"))).Form("form");
        await factory.Expenses().UpdateAsync(factory.DefaultUserId, expense.Id, 1, Expense.Described("Theirs").Build());

        var response = await client.SubmitAsync(staleForm, new Dictionary<string, string> { ["Input.Description"] = "Mine" }, htmx: true, page: page);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("changed elsewhere", (await Html.ParseFragmentAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Theirs", (await factory.Expenses().FindAsync(factory.DefaultUserId, expense.Id))!.Description);
    }

    [Fact]
    public async Task EditingAnExpenseThatDoesNotExistOrBelongsToSomeoneElseIs404AndChangesNothing()
    {
        var theirs = await factory.AddAsync(Expense.Described("Theirs"), userId: "someone-else");
        var client = factory.CreatePlainClient();
        var mine = await factory.AddAsync(Expense.Described("Mine"));
        var page = await client.GetDocumentAsync("/");
        var form = (await Html.ParseFragmentAsync(await client.HtmxGetAsync($"/expenses/{mine.Id}/edit"))).Form("form");

        foreach (var id in new[] { theirs.Id, "no-such-id" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/expenses/{id}/edit")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.HtmxGetAsync($"/expenses/{id}/edit?handler=Row")).StatusCode);
            form.SetAttribute("hx-post", $"/expenses/{id}/edit");
            var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Description"] = "Hijacked" }, htmx: true, page: page);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(theirs, await factory.Expenses().FindAsync("someone-else", theirs.Id));
    }
}
