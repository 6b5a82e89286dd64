using ExpenseTracker.Web.Categories.DynamoDb;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>Values DynamoDB would refuse (or store wrongly) are refused at the store's edge with a clear message, and nothing is written.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbEdgeTests(DynamoDbLocal engine)
{
    private readonly DynamoDbExpenseStore expenses = TestStores.Expenses(engine.Client, engine.TableName);
    private readonly DynamoDbCategoryStore categories = new(new AppTable(engine.Client, engine.TableName));
    private readonly string user = NewUserId();

    [Fact]
    public async Task AnExpenseTooLargeForOneItemIsRefusedAndNothingIsWritten()
    {
        var huge = Draft("2026-03-10", 100, "food", new string('x', 150 * 1024), "work");

        var refused = await Assert.ThrowsAsync<InvalidValueException>(() => expenses.AddExpenseAsync(user, huge));
        await Assert.ThrowsAsync<InvalidValueException>(() => expenses.AddManyAsync(user, [Draft(), huge]));

        Assert.Contains("too large to store", refused.Message);
        Assert.Empty((await expenses.ListAsync(user, ExpenseFilter.None, null, 10)).Items);
        Assert.Equal(ExpenseTotals.Empty, await expenses.GetTotalsAsync(user, ExpenseFilter.None));
        Assert.Empty(await expenses.StoredDailyTotalsAsync(user, Day("2026-01-01"), Day("2026-12-31")));
    }

    [Fact]
    public async Task ALargeDescriptionJustWithinTheLimitIsStoredAndOneJustOverIsRefused()
    {
        // Two bytes a character, kept twice (as written and folded for search), and copied into the by-date index.
        var added = await expenses.AddExpenseAsync(user, Draft("2026-03-10", 100, "food", new string('é', 49 * 1024)));
        await Assert.ThrowsAsync<InvalidValueException>(() => expenses.AddExpenseAsync(user, Draft("2026-03-10", 100, "food", new string('é', 52 * 1024))));

        Assert.Equal(49 * 1024, (await expenses.FindAsync(user, added.Id))!.Description.Length);
    }

    [Fact]
    public async Task AnEditTooLargeForOneItemIsRefusedAndChangesNothing()
    {
        var added = await expenses.AddExpenseAsync(user, Draft("2026-03-10", 100, "food", "Lunch"));

        await Assert.ThrowsAsync<InvalidValueException>(() => expenses.UpdateExpenseAsync(user, added.Id, 1, Draft("2026-03-10", 900, "food", new string('x', 300 * 1024))));

        Assert.Equal(Shape(added), Shape((await expenses.FindAsync(user, added.Id))!));
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(100)), await expenses.GetTotalsAsync(user, ExpenseFilter.None));
    }

    public static TheoryData<string, ExpenseDraft> BrokenDrafts => new()
    {
        { "a lone surrogate in the description", Draft(description: "half \ud83c an emoji") },
        { "a lone surrogate in a tag", new ExpenseDraft(Day("2026-03-10"), Money.FromRupees(1), "food", "", ["bad\udc00"]) },
        { "a control character in a tag", new ExpenseDraft(Day("2026-03-10"), Money.FromRupees(1), "food", "", ["tab\there"]) },
        { "a tag not in stored form", new ExpenseDraft(Day("2026-03-10"), Money.FromRupees(1), "food", "", ["Work "]) },
        { "the same tag twice", new ExpenseDraft(Day("2026-03-10"), Money.FromRupees(1), "food", "", ["work", "work"]) },
        { "an empty category", Draft(category: "") },
        { "a control character in the category", Draft(category: "food\u0000") },
        { "a zero amount", new ExpenseDraft(Day("2026-03-10"), Money.Zero, "food", "", []) },
    };

    [Theory]
    [MemberData(nameof(BrokenDrafts))]
    public async Task BrokenValuesAreRefusedWithAMessageAndNothingIsWritten(string what, ExpenseDraft draft)
    {
        var refused = await Assert.ThrowsAsync<InvalidValueException>(() => expenses.AddExpenseAsync(user, draft));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message), what);
        Assert.Equal(ExpenseTotals.Empty, await expenses.GetTotalsAsync(user, ExpenseFilter.None));
        Assert.Equal(400, StoreExceptionHandler.StatusFor(refused).Status);
    }

    [Fact]
    public async Task FiltersWithValuesNoExpenseCanHaveFindNothingInsteadOfFailing()
    {
        await expenses.AddExpenseAsync(user, Draft("2026-03-10", 100, "food", "Lunch", "work"));

        var longTag = new ExpenseFilter(Tag: new string('t', 5000));
        var brokenTag = new ExpenseFilter(Tag: "bad\udc00");

        Assert.Equal(ExpenseTotals.Empty, await expenses.GetTotalsAsync(user, longTag));
        Assert.Equal(ExpenseTotals.Empty, await expenses.GetTotalsAsync(user, brokenTag));
        Assert.Empty(await expenses.StoredDailyTotalsAsync(user, Day("2026-01-01"), Day("2026-12-31"), tag: new string('t', 5000)));
        Assert.Empty((await expenses.ListAsync(user, longTag, null, 10)).Items);
    }

    [Fact]
    public async Task CategoryNamesThatCannotBeStoredAreRefused()
    {
        await Assert.ThrowsAsync<InvalidValueException>(() => categories.AddAsync(user, "half \ud83c"));
        await Assert.ThrowsAsync<InvalidValueException>(() => categories.AddAsync(user, "new\nline"));
        await Assert.ThrowsAsync<InvalidValueException>(() => categories.AddAsync(user, new string('n', 500)));

        Assert.Empty(await categories.ListCustomAsync(user));
    }
}
