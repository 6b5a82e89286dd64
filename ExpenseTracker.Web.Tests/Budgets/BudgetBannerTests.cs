using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;
using Money = ExpenseTracker.Web.Expenses.Money;

namespace ExpenseTracker.Web.Tests.Budgets;

public sealed class BudgetBannerTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheBannerComesInTheHtmxResponseOfTheAddThatCrossesAndNotWithTheNextAdd()
    {
        await factory.AddAsync(Expense.Costing(9_500));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var crossing = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "750" }, htmx: true);
        var next = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "100" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, crossing.StatusCode);
        var banner = OutOfBandBanner(await Html.ParseFragmentAsync(crossing));
        Assert.Equal("true", banner.GetAttribute("hx-swap-oob"));
        var notice = Assert.Single(banner.QuerySelectorAll("[role=alert]"));
        Assert.Equal("Exceeded", notice.GetAttribute("data-level"));
        Assert.Equal("Budget alert: your spending for November 2026 is ₹10,250.00, above your ₹10,000.00 budget.", notice.QuerySelector("[data-message]")!.TextContent);
        var nextFragment = await Html.ParseFragmentAsync(next);
        Assert.NotNull(nextFragment.QuerySelector("#add-form"));
        Assert.Null(nextFragment.QuerySelector("template"));
        Assert.DoesNotContain(AlertBanner.ElementId, await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFullPageAddThatCrossesShowsTheBannerOnThePageAfterTheRedirectOnce()
    {
        await factory.Budgets().SaveAsync(factory.DefaultUserId, new BudgetSettings(Money.FromRupees(1_000), BudgetPeriod.CalendarMonth, 80));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        Assert.Empty(page.QuerySelectorAll($"#{AlertBanner.ElementId} [role=alert]"));

        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "900" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync("/");
        var notice = Assert.Single(after.QuerySelectorAll($"#{AlertBanner.ElementId} [role=alert]"));
        Assert.Equal("Warning", notice.GetAttribute("data-level"));
        Assert.Contains("above 80% of your ₹1,000.00 budget", notice.TextContent);
        Assert.Null(after.QuerySelector($"#{AlertBanner.ElementId}")!.GetAttribute("hx-swap-oob"));
        Assert.Empty((await client.GetDocumentAsync("/")).QuerySelectorAll($"#{AlertBanner.ElementId} [role=alert]"));
    }

    [Fact]
    public async Task AnInlineEditThatCrossesSendsTheBannerBesideTheSavedRow()
    {
        await factory.AddAsync(Expense.Costing(9_000));
        var expense = await factory.AddAsync(Expense.Costing(100).Described("Groceries"));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var editRow = await Html.ParseFragmentAsync(await client.HtmxGetAsync($"/expenses/{expense.Id}/edit"));

        var response = await client.SubmitAsync(editRow.Form("form"), new Dictionary<string, string> { ["Input.Amount"] = "1,500" }, htmx: true, page: page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Contains("₹1,500.00", fragment.QuerySelector($"#expense-{expense.Id}")!.TextContent);
        Assert.Contains("is ₹10,500.00, above your ₹10,000.00 budget", OutOfBandBanner(fragment).TextContent);
    }

    [Fact]
    public async Task AFullPageEditThatCrossesShowsTheBannerAfterTheRedirect()
    {
        var expense = await factory.AddAsync(Expense.Costing(100));
        var client = factory.CreatePlainClient();
        var editPage = await client.GetDocumentAsync($"/expenses/{expense.Id}/edit");

        var response = await client.SubmitAsync(editPage.Form("main form"), new Dictionary<string, string> { ["Input.Amount"] = "12000" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync("/");
        Assert.Contains("is ₹12,000.00, above your ₹10,000.00 budget", list.QuerySelector($"#{AlertBanner.ElementId}")!.TextContent);
    }

    [Fact]
    public async Task TheExpensePageLoadsTheBudgetProgressWhichRefreshesAfterEveryChange()
    {
        await factory.AddAsync(Expense.On(2026, 11, 2).Costing(2_500));
        await factory.AddAsync(Expense.On(2026, 10, 31).Costing(4_000));
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var placeholder = page.QuerySelector("#budget-progress")!;

        var progress = await Html.ParseFragmentAsync(await client.HtmxGetAsync(placeholder.GetAttribute("hx-get")!));

        Assert.Equal("load", placeholder.GetAttribute("hx-trigger"));
        var card = progress.QuerySelector("#budget-progress")!;
        Assert.Equal("expenses-changed from:body", card.GetAttribute("hx-trigger"));
        Assert.Equal("Budget in November 2026", card.QuerySelector("h2")!.TextContent);
        Assert.Equal(("₹2,500.00", "₹10,000.00"), (card.QuerySelector("[data-spent]")!.TextContent, card.QuerySelector("[data-budget]")!.TextContent));
        Assert.Contains("(25%), ₹7,500.00 left", card.TextContent);
        Assert.Equal(("2500", "10000", "8000"), (card.QuerySelector("meter")!.GetAttribute("value"), card.QuerySelector("meter")!.GetAttribute("max"), card.QuerySelector("meter")!.GetAttribute("low")));
    }

    [Theory]
    [InlineData(5_000, "within", "₹5,000.00 left")]
    [InlineData(8_500, "warning", "past the 80% warning line")]
    [InlineData(10_000, "warning", "past the 80% warning line")]
    [InlineData(12_500, "over", "over budget by ₹2,500.00")]
    public async Task TheBudgetMeterTurnsRedOnlyPastTheBudgetAndSaysSoInWords(int spent, string state, string words)
    {
        await factory.AddAsync(Expense.On(2026, 11, 2).Costing(spent));
        var client = factory.CreatePlainClient();

        var card = (await Html.ParseFragmentAsync(await client.HtmxGetAsync("/alerts?handler=Progress"))).QuerySelector("#budget-progress")!;

        // optimum 0 sits below "low": a value past "high" (the budget) is the meter's worst region, which browsers draw
        // red; up to "high" it is the middle region (yellow). So the meter must reach past the budget only when over it.
        var meter = card.QuerySelector("meter")!;
        Assert.Equal(state, meter.GetAttribute("data-budget-state"));
        Assert.Equal(("0", "10000", "8000"), (meter.GetAttribute("optimum"), meter.GetAttribute("high"), meter.GetAttribute("low")));
        Assert.Equal(spent > 10_000 ? spent.ToString(CultureInfo.InvariantCulture) : "10000", meter.GetAttribute("max"));
        Assert.Equal(spent > 10_000, decimal.Parse(meter.GetAttribute("value")!, CultureInfo.InvariantCulture) > 10_000);
        Assert.Equal(state == "over", card.QuerySelector("p.text-danger") is not null);
        Assert.Contains(words, card.TextContent);
    }

    [Fact]
    public async Task TheAlertsPageListsPastAlertsNewestFirstWithTheBudgetAndItsProgress()
    {
        await factory.AddAsync(Expense.Costing(8_500));
        factory.Time.Now = factory.Time.Now.AddHours(3);
        await factory.AddAsync(Expense.Costing(2_000));
        await factory.AddAsync(Expense.On(2026, 10, 1).Costing(11_000));
        var client = factory.CreatePlainClient();

        var page = await client.GetDocumentAsync("/alerts");

        var rows = page.QuerySelectorAll("#alert-table tbody tr");
        Assert.Equal(
            [
                "Budget alert: your spending for November 2026 is ₹10,500.00, above your ₹10,000.00 budget.",
                "Budget alert: your spending for October 2026 is ₹11,000.00, above your ₹10,000.00 budget.",
                "Budget warning: your spending for November 2026 is ₹8,500.00, above 80% of your ₹10,000.00 budget.",
            ],
            rows.Select(row => row.QuerySelector("[data-message]")!.TextContent));
        Assert.Equal("15 Nov 2026, 15:00", rows[0].QuerySelector("td")!.TextContent);
        Assert.Contains("Your budget is ₹10,000.00 a month, with a warning at 80%.", page.QuerySelector("main p")!.TextContent);
        Assert.Contains("(105%): over budget", page.QuerySelector("#budget-progress")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav a[href='/alerts'][aria-current=page]"));
    }

    [Fact]
    public async Task TheAlertsPageSaysSoWhenThereAreNoneAndShowsOnlyTheUsersOwn()
    {
        await factory.AddAsync(Expense.Costing(20_000), userId: "someone-else");

        var page = await factory.CreatePlainClient().GetDocumentAsync("/alerts");

        Assert.Null(page.QuerySelector("#alert-table"));
        Assert.Contains("No alerts yet", page.QuerySelector("#no-alerts")!.TextContent);
    }

    /// <summary>The banner an htmx response carries: in a template, marked to be swapped out of band.</summary>
    private static AngleSharp.Dom.IElement OutOfBandBanner(IHtmlDocument fragment)
    {
        var template = Assert.IsAssignableFrom<IHtmlTemplateElement>(fragment.QuerySelector("template"));
        return template.Content.QuerySelector($"#{AlertBanner.ElementId}[hx-swap-oob]")
            ?? throw new InvalidOperationException("The response carries no out-of-band banner.");
    }
}
