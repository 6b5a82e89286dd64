using System.Net;
using System.Text;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.ImportExport.Import;
using ExpenseTracker.Web.Rendering;
using ExpenseTracker.Web.Tests.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.ImportExport;

/// <summary>
/// Importing a CSV on every store, through the real page: a preview writes nothing, an import stores what its preview
/// showed through the batch path, the same file imported again stores nothing more, and an import is undone as a whole.
/// </summary>
public abstract class ImportContract(ExpenseTrackerFactory factory) : IDisposable
{
    /// <summary>
    /// An Indian bank's statement: account lines above the header, dates like 02/11/26, separate withdrawal and deposit
    /// columns with Indian grouping, a credit, a row whose amount is 1e5 and a row with a date that is not one.
    /// </summary>
    public static readonly byte[] BankStatement = Encoding.UTF8.GetBytes(
        """
        HDFC BANK Ltd.,,,,,
        Account No :,50100012345678,,,,
        Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.
        02/11/26,UPI-SWIGGY-BANGALORE,0000123,02/11/26,"1,499.50",
        03/11/26,UPI-UBER INDIA,0000124,03/11/26,250.00,
        03/11/26,SALARY NOV,0000125,03/11/26,,"1,25,000.00"
        04/11/26,ATM WDL MG ROAD,0000126,04/11/26,1e5,
        31/02/26,BAD DATE,0000127,31/02/26,10.00,
        05/11/26,BIGBASKET ORDER ₹ किराना,0000128,05/11/26,"2,345.00",
        """);

    protected ExpenseTrackerFactory Factory { get; } = factory;

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ABankStatementIsPreviewedRowByRowWithEachInvalidRowAndItsReasonAndNothingIsWritten()
    {
        var client = Factory.CreatePlainClient();

        var page = await client.PreviewAsync(BankStatement, new Dictionary<string, string> { ["Input.SkipLines"] = "2" });

        Assert.Equal("Date", Selected(page, "Input.DateColumn"));
        Assert.Equal("dd/MM/yy", Selected(page, "Input.DateFormat"));
        Assert.Equal("Withdrawal Amt.", Selected(page, "Input.DebitColumn"));
        Assert.Equal("Deposit Amt.", Selected(page, "Input.CreditColumn"));
        Assert.Contains("6 rows: 3 to import (₹4,094.50)", page.QuerySelector("#preview-summary")!.TextContent.Replace("\n", " ", StringComparison.Ordinal));
        var statuses = page.QuerySelectorAll("#preview-table tbody tr").Select(row => row.Children[^1].TextContent.Trim()).ToList();
        Assert.Equal("Import", statuses[0]);
        Assert.Equal("Money in: left out", statuses[2]);
        Assert.Contains("\"1e5\" is not an amount", statuses[3]);
        Assert.Contains("\"31/02/26\" is not a date", statuses[4]);
        Assert.Equal("UPI-SWIGGY-BANGALORE", page.QuerySelector("#preview-table tbody tr td:nth-child(4)")!.TextContent);
        Assert.Empty(await Factory.AllExpensesAsync());
    }

    [Fact]
    public async Task AnImportStoresWhatThePreviewShowedAndTheSameFileImportedAgainStoresNothingMore()
    {
        var client = Factory.CreatePlainClient();
        var skip = new Dictionary<string, string> { ["Input.SkipLines"] = "2" };

        var first = await client.ImportAsync(BankStatement, skip);
        var again = await client.ImportAsync(BankStatement, skip);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var stored = await Factory.AllExpensesAsync();
        Assert.Equal(
            [("2026-11-02", 1_499_50L, "UPI-SWIGGY-BANGALORE"), ("2026-11-03", 250_00L, "UPI-UBER INDIA"), ("2026-11-05", 2_345_00L, "BIGBASKET ORDER ₹ किराना")],
            stored.OrderBy(expense => expense.Date).Select(expense => (expense.Date.ToString("O"), expense.Amount.Paise, expense.Description)));
        Assert.All(stored, expense => Assert.Equal(BuiltInCategories.OtherId, expense.CategoryId));
        var imports = await Imports().ListAsync(Factory.DefaultUserId, 10);
        Assert.Single(imports);
        Assert.Equal(("statement.csv", 3), (imports[0].FileName, imports[0].ExpenseCount));
    }

    [Fact]
    public async Task AnImportIsUndoneAsAWholeAndItsTotalsGoWithIt()
    {
        var client = Factory.CreatePlainClient();
        await Factory.AddAsync(ExpenseBuilder.Expense.On(2026, 11, 1).Costing(99m).Described("kept"));
        await client.ImportAsync(BankStatement, new Dictionary<string, string> { ["Input.SkipLines"] = "2" });
        var page = await client.GetDocumentAsync(ImportSteps.PageUrl);

        var undo = await client.SubmitAsync(page.Form("#imports form"), htmx: true, page: page);

        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal("Undone: 3 imported expenses deleted.", undo.Flash()!.Text);
        Assert.Equal(["kept"], (await Factory.AllExpensesAsync()).Select(expense => expense.Description));
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(99)), await Factory.Expenses().GetTotalsAsync(Factory.DefaultUserId, ExpenseFilter.None));
        Assert.NotNull((await Imports().ListAsync(Factory.DefaultUserId, 10))[0].UndoneAt);
    }

    [Fact]
    public async Task ARowLikeAStoredExpenseOrAnEarlierRowIsADuplicateSkippedUnlessTicked()
    {
        var client = Factory.CreatePlainClient();
        await Factory.AddAsync(ExpenseBuilder.Expense.On(2026, 11, 2).Costing(120m).Described("Chai  and snacks"));
        var file = Encoding.UTF8.GetBytes("Date,Amount,Description\n2026-11-02,120.00,chai and snacks\n2026-11-03,80,Auto\n2026-11-03,80,AUTO\n2026-11-04,80,Auto\n");

        var preview = await client.PreviewAsync(file);

        var duplicates = preview.QuerySelectorAll("#import-duplicates label.form-check-label").Select(label => label.TextContent).ToList();
        Assert.Equal(3, duplicates.Count);
        Assert.Contains("already stored", duplicates[1]);
        Assert.Contains("Row 4", duplicates[2]);
        Assert.Contains("same as row 3", duplicates[2]);
        var imported = await client.PostImportFormAsync(preview, "Import", file, new Dictionary<string, string> { ["Input.Include"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(
            ["Chai  and snacks", "AUTO", "Auto", "Auto"],
            (await Factory.AllExpensesAsync()).OrderBy(expense => expense.Date).ThenBy(expense => expense.Description, StringComparer.Ordinal).Select(expense => expense.Description));
    }

    [Fact]
    public async Task OurOwnExportImportsIntoAnotherAccountWithItsCategoriesMappedOrCreatedAndTheSettingsSavedForNextTime()
    {
        await Factory.AddAsync(ExpenseBuilder.Expense.On(2026, 11, 2).Costing(1499.50m).In("food").Described("Thali ₹ थाली").Tagged("work", "trip"));
        var pets = await Factory.Services.GetRequiredService<ICategoryStore>().AddAsync(Factory.DefaultUserId, "Pets");
        await Factory.AddAsync(ExpenseBuilder.Expense.On(2026, 11, 3).Costing(10m).In(pets.Id).Described("=cmd"));
        var export = await (await Factory.CreatePlainClient().GetAsync("/api/expenses.csv")).Content.ReadAsByteArrayAsync();
        var (other, otherId) = await Factory.CreateUserAsync($"other-{Guid.NewGuid():N}@example.com");

        var imported = await other.ImportAsync(export, new Dictionary<string, string> { ["Input.SaveAs"] = "Our export" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains(HtmxEvents.ExpensesChanged, imported.HtmxTriggers());
        var mine = await Factory.Services.GetRequiredService<ICategoryStore>().ListCustomAsync(otherId);
        Assert.Equal(["Pets"], mine.Select(category => category.Name));
        var stored = (await Factory.AllExpensesAsync(otherId)).OrderBy(expense => expense.Date).ToList();
        Assert.Equal(("food", "Thali ₹ थाली"), (stored[0].CategoryId, stored[0].Description));
        Assert.Equal(["trip", "work"], stored[0].Tags);
        Assert.Equal((mine[0].Id, "=cmd", 10_00L), (stored[1].CategoryId, stored[1].Description, stored[1].Amount.Paise));
        Assert.Equal(["Our export"], (await Imports().ListMappingsAsync(otherId)).Select(saved => saved.Name));
    }

    [Fact]
    public async Task SettingsSavedUnderANameReadTheNextStatementOfThatBank()
    {
        var client = Factory.CreatePlainClient();
        await client.ImportAsync(BankStatement, new Dictionary<string, string> { ["Input.SkipLines"] = "2", ["Input.SaveAs"] = "HDFC savings" });
        var next = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(BankStatement).Replace("/11/26", "/10/26", StringComparison.Ordinal));

        var page = await client.PreviewAsync(next, new Dictionary<string, string> { ["Saved"] = "HDFC savings" });

        Assert.Equal("2", (page.QuerySelector("input[name='Input.SkipLines']") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
        Assert.Contains("3 to import", page.QuerySelector("#preview-summary")!.TextContent);
    }

    [Fact]
    public async Task AnImportRaisesOneAlertPerBudgetLineItsTotalCrossesNotOnePerRow()
    {
        await Factory.Budgets().SaveAsync(Factory.DefaultUserId, new BudgetSettings(Money.FromRupees(1_000), BudgetPeriod.CalendarMonth, 75));
        var rows = Enumerable.Range(1, 30).Select(day => $"2026-10-{day:00},100,Row {day}");
        var file = Encoding.UTF8.GetBytes("Date,Amount,Description\n" + string.Join('\n', rows));

        await Factory.CreatePlainClient().ImportAsync(file);

        // One batch that jumps over both lines raises the budget alert alone, as one add that does (docs: "Budget alerts").
        Assert.Equal([(AlertLevel.Exceeded, "2026-10")], (await Factory.AlertsOfAsync()).Select(alert => (alert.Level, alert.Period)));
    }

    protected IImportStore Imports() => Factory.Services.GetRequiredService<IImportStore>();

    private static string? Selected(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        (page.QuerySelector($"select[name='{name}']") as AngleSharp.Html.Dom.IHtmlSelectElement)?.Value;
}

public sealed class SqliteImportTests() : ImportContract(new ExpenseTrackerFactory());

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbImportTests(DynamoDbLocal engine) : ImportContract(new DynamoDbAppFactory(engine.ServiceUrl, engine.TableName));
