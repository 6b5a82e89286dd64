using System.Net;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using Money = ExpenseTracker.Web.Expenses.Money;

namespace ExpenseTracker.Web.Tests.Budgets;

public sealed class BudgetSettingsPageTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ThePageShowsTheDefaultBudgetUntilTheUserSavesTheirOwn()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/settings/budget");

        var form = page.Form("#budget-form");
        Assert.Equal("10000.00", ((AngleSharp.Html.Dom.IHtmlInputElement)form["Input.Amount"]!).Value);
        Assert.Equal("CalendarMonth", ((AngleSharp.Html.Dom.IHtmlSelectElement)form["Input.Period"]!).Value);
        Assert.Equal("80", ((AngleSharp.Html.Dom.IHtmlInputElement)form["Input.WarningPercent"]!).Value);
    }

    [Fact]
    public async Task AValidBudgetIsSavedAndTheFormShowsIt()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/settings/budget");

        var response = await client.SubmitAsync(page.Form("#budget-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "₹ 25,000.50",
            ["Input.Period"] = "AllTime",
            ["Input.WarningPercent"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new BudgetSettings(Money.FromRupees(25_000.50m), BudgetPeriod.AllTime, 0), await factory.Budgets().GetAsync(factory.DefaultUserId));
        var after = await client.GetDocumentAsync("/settings/budget");
        Assert.Equal("Saved: ₹25,000.50 in all, with no early warning.", after.QuerySelector("#flash .flash-text")!.TextContent);
        Assert.Equal("25000.50", ((AngleSharp.Html.Dom.IHtmlInputElement)after.Form("#budget-form")["Input.Amount"]!).Value);
    }

    [Theory]
    [InlineData("Amount", "", "Enter a budget.")]
    [InlineData("Amount", "ten thousand", "Enter the budget in rupees")]
    [InlineData("Amount", "100.125", "at most two decimals")]
    [InlineData("Amount", "-500", "The budget must be more than ₹0; leave out the minus sign.")]
    [InlineData("Amount", "0", "The budget must be more than ₹0.")]
    [InlineData("Amount", "1,00,00,000.01", "The budget can be at most ₹1,00,00,000.00.")]
    [InlineData("Period", "Weekly", "Choose a month or all time.")]
    [InlineData("Period", "1", "Choose a month or all time.")]
    [InlineData("WarningPercent", "100", "Enter a whole number from 0 to 99")]
    [InlineData("WarningPercent", "-1", "Enter a whole number from 0 to 99")]
    [InlineData("WarningPercent", "12.5", "Enter a whole number from 0 to 99")]
    [InlineData("WarningPercent", "", "Enter a whole number from 0 to 99")]
    public async Task AnInvalidValueGetsAClearMessageAndChangesNothing(string field, string value, string message)
    {
        var saved = new BudgetSettings(Money.FromRupees(5_000), BudgetPeriod.CalendarMonth, 75);
        await factory.Budgets().SaveAsync(factory.DefaultUserId, saved);
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/settings/budget");
        var values = new Dictionary<string, string> { ["Input.Amount"] = "20000", ["Input.Period"] = "AllTime", ["Input.WarningPercent"] = "50" };
        values[$"Input.{field}"] = value;

        var htmx = await client.SubmitAsync(page.Form("#budget-form"), values, htmx: true);
        var plain = await client.SubmitAsync(page.Form("#budget-form"), values);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, htmx.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        foreach (var response in new[] { htmx, plain })
        {
            var document = await Html.ParseAsync(response);
            Assert.Contains(message, document.QuerySelector($"#budget-{field}-error")!.TextContent);
            Assert.Contains("Nothing was saved", document.QuerySelector("#budget-settings [role=alert]")!.TextContent);
        }

        Assert.Equal(saved, await factory.Budgets().GetAsync(factory.DefaultUserId));
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var response = await factory.CreatePlainClient().PostAsync("/settings/budget", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Amount"] = "1",
            ["Input.Period"] = "CalendarMonth",
            ["Input.WarningPercent"] = "0",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Money.FromRupees(10_000), (await factory.Budgets().GetAsync(factory.DefaultUserId)).Amount);
    }
}
