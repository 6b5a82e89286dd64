using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;
using ExpenseBin = ExpenseTracker.Web.Expenses.ExpenseBin;

namespace ExpenseTracker.Web.Tests.Expenses;

public class DeletingExpensesTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AnHtmxDeleteAsksNothingRemovesTheRowAndOffersUndoForTheWindow()
    {
        var expense = await factory.AddAsync(Expense.Costing(250).In("food"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var button = page.QuerySelector($"#expense-{expense.Id} a[hx-post$='/delete']")!;
        Assert.Null(button.GetAttribute("hx-confirm"));

        var response = await client.HtmxPostAsync(button.GetAttribute("hx-post")!, page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(["expenses-changed", "flash"], response.HtmxTriggers());
        Assert.Equal(new FlashEvent("Deleted ₹250.00 Food & Dining", "success", $"/expenses/{expense.Id}/delete?handler=Restore", 10), response.Flash());
        Assert.Empty(await factory.AllExpensesAsync());
        var totals = await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.QuerySelector("#expense-totals")!.GetAttribute("hx-get")!));
        Assert.Equal("₹0.00", totals.QuerySelector("[data-total]")!.TextContent);
    }

    [Fact]
    public async Task UndoThroughHtmxBringsTheExpenseBackAndTheListReloadsAsAfterAnAdd()
    {
        var expense = await factory.AddAsync(Expense.Costing(250).In("food").Tagged("lunch"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var undo = (await client.HtmxPostAsync($"/expenses/{expense.Id}/delete", page)).Flash()!.Undo!;

        var response = await client.HtmxPostAsync(undo, page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["expense-added", "expenses-changed", "flash"], response.HtmxTriggers());
        Assert.Equal("Brought back ₹250.00 Food & Dining of 10 Nov 2026.", response.Flash()!.Text);
        Assert.Equal(expense with { Version = 2 }, Assert.Single(await factory.AllExpensesAsync()));

        var again = await client.HtmxPostAsync(undo, page);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new FlashEvent(ExpenseBin.GoneMessage, "warning", null, 8), again.Flash());
        Assert.Single(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task AnUndoAfterTheWindowSaysItIsTooLateAndChangesNothing()
    {
        var expense = await factory.AddAsync(Expense.Costing(99));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var undo = (await client.HtmxPostAsync($"/expenses/{expense.Id}/delete", page)).Flash()!.Undo!;

        factory.Time.Now += TimeSpan.FromSeconds(10) + ExpenseBin.Grace + TimeSpan.FromSeconds(1);
        var response = await client.HtmxPostAsync(undo, page);

        Assert.Equal(ExpenseBin.GoneMessage, response.Flash()!.Text);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task WithoutJavaScriptTheDeleteLinkOpensAConfirmationPageWhoseMessageOffersUndoAsAForm()
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
        var list = await client.GetDocumentAsync("/");
        Assert.Contains("Deleted ₹99.00 Food & Dining", list.QuerySelector("#flash[role=status]")!.TextContent);

        var restored = await client.SubmitAsync(list.Form("#flash form"));

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(expense.Id, Assert.Single(await factory.AllExpensesAsync()).Id);
        Assert.Contains("Brought back ₹99.00", (await client.GetDocumentAsync("/")).QuerySelector("#flash")!.TextContent);
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
