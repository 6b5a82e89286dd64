using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;

namespace ExpenseTracker.Web.Tests.Expenses;

/// <summary>
/// What every <see cref="IExpenseStore"/> must do, run against each implementation by a subclass. Each test works
/// as a fresh user, so the implementations may share one database.
/// </summary>
public abstract class ExpenseStoreContract : IAsyncLifetime
{
    private static readonly DateOnly YearStart = Day("2026-01-01");
    private static readonly DateOnly YearEnd = Day("2026-12-31");

    protected IExpenseStore Store { get; private set; } = null!;

    protected string User { get; } = NewUserId();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IExpenseStore> CreateStoreAsync();

    [Fact]
    public async Task AnAddedExpenseIsFoundWithEveryValueItWasGiven()
    {
        var added = await Store.AddExpenseAsync(User, Draft("2026-03-10", 1234.56m, "food", "Dinner at Toit", "friends", "weekend"));

        var found = await Store.FindAsync(User, added.Id);

        Assert.NotNull(found);
        Assert.Equal((added.Id, Day("2026-03-10"), 123456L, "food", "Dinner at Toit", "friends|weekend", 1), Shape(found));
    }

    [Fact]
    public async Task FindingAnIdThatWasNeverStoredFindsNothing()
    {
        Assert.Null(await Store.FindAsync(User, "0123456789abcdef0123456789abcdef"));
        Assert.Null(await Store.FindAsync(User, "not an id / at all"));
    }

    [Fact]
    public async Task AnUpdateStoresTheNewValuesAndRaisesTheVersion()
    {
        var added = await Store.AddExpenseAsync(User, Draft("2026-03-10", 100, "food", "Lunch", "work"));

        var updated = await Store.UpdateExpenseAsync(User, added.Id, 1, Draft("2026-03-11", 250.5m, "transport", "Taxi", "trip"));

        Assert.Equal((added.Id, Day("2026-03-11"), 25050L, "transport", "Taxi", "trip", 2), Shape(updated));
        Assert.Equal(Shape(updated), Shape((await Store.FindAsync(User, added.Id))!));
    }

    [Fact]
    public async Task AStaleUpdateIsAConflictAndChangesNothing()
    {
        var added = await Store.AddExpenseAsync(User, Draft("2026-03-10", 100, "food"));
        var first = await Store.UpdateExpenseAsync(User, added.Id, 1, Draft("2026-03-10", 200, "food"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateExpenseAsync(User, added.Id, 1, Draft("2026-04-01", 999, "bills", "stale", "late")));

        Assert.Equal(Shape(first), Shape((await Store.FindAsync(User, added.Id))!));
        await AssertAggregatesMatchAsync([first]);
    }

    [Fact]
    public async Task OfTwoEditsFromTheSameVersionExactlyOneWinsAndOnlyItIsCounted()
    {
        var added = await Store.AddExpenseAsync(User, Draft("2026-03-10", 100, "food", "", "work"));
        var drafts = new[] { Draft("2026-03-12", 300, "transport", "", "trip"), Draft("2026-03-14", 500, "bills", "", "home") };

        var outcomes = await Task.WhenAll(drafts.Select(async draft =>
        {
            try
            {
                return await Store.UpdateExpenseAsync(User, added.Id, 1, draft);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, outcome => outcome is not null)!;
        Assert.Equal(Shape(winner), Shape((await Store.FindAsync(User, added.Id))!));
        await AssertAggregatesMatchAsync([winner]);
    }

    [Fact]
    public async Task UpdatingOrDeletingAMissingExpenseIsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Store.UpdateExpenseAsync(User, "0123456789abcdef0123456789abcdef", 1, Draft()));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.DeleteAsync(User, "0123456789abcdef0123456789abcdef"));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.DeleteAsync(User, "#not an id#"));
    }

    [Fact]
    public async Task ADeletedExpenseIsGoneFromTheListAndFromEveryTotal()
    {
        var kept = await Store.AddExpenseAsync(User, Draft("2026-03-10", 100, "food", "", "work"));
        var deleted = await Store.AddExpenseAsync(User, Draft("2026-03-10", 40, "food", "", "work"));

        await Store.DeleteAsync(User, deleted.Id);

        Assert.Null(await Store.FindAsync(User, deleted.Id));
        Assert.Equal([kept.Id], (await ListAllAsync(Store, User)).Select(expense => expense.Id));
        await AssertAggregatesMatchAsync([kept]);
        await Assert.ThrowsAsync<NotFoundException>(() => Store.DeleteAsync(User, deleted.Id));
    }

    [Fact]
    public async Task UsersSeeAndChangeOnlyTheirOwnExpenses()
    {
        var other = NewUserId();
        var mine = await Store.AddExpenseAsync(User, Draft("2026-03-10", 100, "food", "mine", "work"));
        var theirs = await Store.AddExpenseAsync(other, Draft("2026-03-10", 70, "food", "theirs", "work"));

        Assert.Null(await Store.FindAsync(other, mine.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.UpdateExpenseAsync(other, mine.Id, 1, Draft()));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.DeleteAsync(other, mine.Id));
        Assert.Equal([mine.Id], (await ListAllAsync(Store, User)).Select(expense => expense.Id));
        Assert.Equal([theirs.Id], (await ListAllAsync(Store, other)).Select(expense => expense.Id));
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(100)), await Store.GetTotalsAsync(User, ExpenseFilter.None));
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(70)), await Store.GetTotalsAsync(other, new ExpenseFilter(Tag: "work")));
        Assert.Equal(Money.FromRupees(100), Assert.Single(await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd)).Amount);
    }

    [Fact]
    public async Task TheListIsNewestFirstAndPagesThroughEveryExpenseExactlyOnce()
    {
        var expenses = new List<Expense>();
        for (var i = 0; i < 23; i++)
        {
            // Several expenses share each date, so pages also break between equal dates.
            expenses.Add(await Store.AddExpenseAsync(User, Draft($"2026-03-{1 + (i % 6):00}", 10 + i)));
        }

        var pages = new List<ExpensePage>();
        string? cursor = null;
        do
        {
            var page = await Store.ListAsync(User, ExpenseFilter.None, cursor, 5);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([5, 5, 5, 5, 3], pages.Select(page => page.Items.Count));
        Assert.Equal(InListOrder(expenses).Select(Shape), pages.SelectMany(page => page.Items).Select(Shape));
    }

    [Fact]
    public async Task APageThatEndsExactlyAtTheLastExpenseSaysThereIsNoNextPage()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.AddExpenseAsync(User, Draft($"2026-03-{1 + i:00}", 10));
        }

        var first = await Store.ListAsync(User, ExpenseFilter.None, null, 5);
        var second = await Store.ListAsync(User, ExpenseFilter.None, first.NextCursor, 5);

        Assert.NotNull(first.NextCursor);
        Assert.Equal(5, second.Items.Count);
        Assert.Null(second.NextCursor);
        Assert.Equal(Day("2026-03-01"), second.Items[^1].Date);
    }

    [Fact]
    public async Task AVeryLargePageIsStillFullAndTheRestFollows()
    {
        await Store.AddManyAsync(User, Enumerable.Range(0, 1100).Select(i => Draft($"2026-03-{1 + (i % 28):00}", 1 + i)).ToList());

        var first = await Store.ListAsync(User, ExpenseFilter.None, null, 1050);
        var rest = await Store.ListAsync(User, ExpenseFilter.None, first.NextCursor, 1050);
        var everything = await Store.ListAsync(User, ExpenseFilter.None, null, int.MaxValue);

        Assert.Equal(1050, first.Items.Count);
        Assert.Equal(50, rest.Items.Count);
        Assert.Null(rest.NextCursor);
        Assert.Equal(1100, everything.Items.Count);
        Assert.Null(everything.NextCursor);
    }

    [Fact]
    public async Task AnEmptyListHasNoItemsAndNoNextPage()
    {
        var page = await Store.ListAsync(User, ExpenseFilter.None, null, 25);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
        Assert.Equal(ExpenseTotals.Empty, await Store.GetTotalsAsync(User, ExpenseFilter.None));
    }

    [Fact]
    public async Task ACursorTheStoreDidNotHandOutIsRefused()
    {
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.ListAsync(User, ExpenseFilter.None, "not-a-cursor", 5));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.ListAsync(User, ExpenseFilter.None, "djF8MjAyNi0wMy0xMHw=", 5));
    }

    public static TheoryData<string> Filters => new() { "dates", "category", "tag", "text", "text in other case", "all at once", "rare category", "nothing" };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachFilterListsExactlyTheMatchingExpensesInFullPages(string name)
    {
        var expenses = await AddVariedExpensesAsync();
        var filter = FilterNamed(name);

        var pages = new List<ExpensePage>();
        string? cursor = null;
        do
        {
            var page = await Store.ListAsync(User, filter, cursor, 3);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var expected = InListOrder(expenses.Where(expense => Matches(expense, filter)));
        Assert.Equal(expected.Select(Shape), pages.SelectMany(page => page.Items).Select(Shape));
        Assert.All(pages[..^1], page => Assert.Equal(3, page.Items.Count));
        Assert.InRange(pages[^1].Items.Count, expected.Count == 0 ? 0 : 1, 3);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task TotalsEqualABruteForceSumForEachFilter(string name)
    {
        var expenses = await AddVariedExpensesAsync();
        var filter = FilterNamed(name);

        Assert.Equal(Totals(expenses, filter), await Store.GetTotalsAsync(User, filter));
    }

    [Fact]
    public async Task DailyTotalsEqualABruteForceSumPerDayAndCategory()
    {
        var expenses = await AddVariedExpensesAsync();
        var (from, to) = (Day("2026-02-10"), Day("2026-03-20"));

        Assert.Equal(DailyTotals(expenses, YearStart, YearEnd), await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd));
        Assert.Equal(DailyTotals(expenses, from, to), await Store.StoredDailyTotalsAsync(User, from, to));
        Assert.Equal(DailyTotals(expenses, from, to, "food"), await Store.StoredDailyTotalsAsync(User, from, to, "food"));
        Assert.Equal(DailyTotals(expenses, YearStart, YearEnd, tag: "work"), await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd, tag: "Work"));
        Assert.Equal(DailyTotals(expenses, from, to, "food", "team"), await Store.StoredDailyTotalsAsync(User, from, to, "food", "team"));
        Assert.Empty(await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd, tag: "no such tag"));
    }

    [Fact]
    public async Task TotalsFollowEditsThatMoveDateCategoryAmountAndTagsAndDeletes()
    {
        var a = await Store.AddExpenseAsync(User, Draft("2026-03-10", 500, "food", "", "work", "home"));
        var b = await Store.AddExpenseAsync(User, Draft("2026-03-10", 200, "food", "", "work"));

        var movedA = await Store.UpdateExpenseAsync(User, a.Id, 1, Draft("2026-04-02", 750.25m, "transport", "", "home", "trip"));
        await AssertAggregatesMatchAsync([movedA, b]);

        var movedB = await Store.UpdateExpenseAsync(User, b.Id, 1, Draft("2026-04-02", 200, "transport", "", "trip"));
        await AssertAggregatesMatchAsync([movedA, movedB]);

        await Store.DeleteAsync(User, movedB.Id);
        await AssertAggregatesMatchAsync([movedA]);

        var back = await Store.UpdateExpenseAsync(User, a.Id, 2, Draft("2026-03-10", 500, "food", "", "work", "home"));
        await AssertAggregatesMatchAsync([back]);
        Assert.Equal(
            [new DailyTotal(Day("2026-03-10"), "food", 1, Money.FromRupees(500))],
            await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd));
    }

    [Fact]
    public async Task AnEditOfOnlyTheDescriptionLeavesTheTotalsAlone()
    {
        var added = await Store.AddExpenseAsync(User, Draft("2026-03-10", 500, "food", "Lunch", "work"));

        var edited = await Store.UpdateExpenseAsync(User, added.Id, 1, Draft("2026-03-10", 500, "food", "Lunch with the team", "work"));

        Assert.Equal(2, edited.Version);
        await AssertAggregatesMatchAsync([edited]);
    }

    [Fact]
    public async Task AddingManyStoresEveryExpenseWithItsTotals()
    {
        var random = new Random(7);
        var drafts = Enumerable.Range(0, 300).Select(_ => RandomDraft(random)).ToList();

        await Store.AddManyAsync(User, drafts);
        await Store.AddManyAsync(User, []);

        var listed = await ListAllAsync(Store, User, pageSize: 100);
        Assert.Equal(300, listed.Count);
        Assert.Equal(
            drafts.Select(draft => (draft.Date, draft.Amount.Paise, draft.CategoryId, string.Join('|', draft.Tags))).Order(),
            listed.Select(expense => (expense.Date, expense.Amount.Paise, expense.CategoryId, string.Join('|', expense.Tags))).Order());
        await AssertAggregatesMatchAsync(listed);
    }

    [Fact]
    public async Task ConcurrentAddsToTheSameDayAndCategoryAreAllCounted()
    {
        var added = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Store.AddExpenseAsync(User, Draft("2026-03-10", i, "food", "", "work"))));

        Assert.Equal(8, (await ListAllAsync(Store, User)).Count);
        await AssertAggregatesMatchAsync(added);
    }

    [Fact]
    public async Task OddCharactersInTagsAndDescriptionsAreStoredAsWrittenAndFound()
    {
        string[] tags = ["café", "a#b", "day#2026-03-10#category#food", "🎉 party", "quote\"s", "<b>", "100%_off", "तिथि"];
        var added = await Store.AddExpenseAsync(User, Draft("2026-03-10", 99, "food", "50% off_at \"Café\" \\ <b>bold</b> 🎉 खाना", tags));

        var found = await Store.FindAsync(User, added.Id);

        Assert.Equal(Shape(added), Shape(found!));
        Assert.Equal(tags.Order(StringComparer.Ordinal), found!.Tags);
        foreach (var tag in tags)
        {
            Assert.Equal([added.Id], (await ListAllAsync(Store, User, new ExpenseFilter(Tag: tag))).Select(expense => expense.Id));
            Assert.Equal(new ExpenseTotals(1, Money.FromRupees(99)), await Store.GetTotalsAsync(User, new ExpenseFilter(Tag: tag)));
        }

        Assert.Equal([added.Id], (await ListAllAsync(Store, User, new ExpenseFilter(Text: "50% off_"))).Select(expense => expense.Id));
        Assert.Empty(await ListAllAsync(Store, User, new ExpenseFilter(Text: "50%%")));
        Assert.Equal([added.Id], (await ListAllAsync(Store, User, new ExpenseFilter(Text: "🎉 खाना"))).Select(expense => expense.Id));
        Assert.Empty(await ListAllAsync(Store, User, new ExpenseFilter(Tag: "a")));
    }

    [Fact]
    public async Task ARandomSequenceOfOperationsLeavesTheTotalsEqualToARecomputation()
    {
        var random = new Random(20261115);
        var model = new Dictionary<string, Expense>();
        for (var step = 0; step < 200; step++)
        {
            var roll = random.Next(100);
            if (roll < 40 || model.Count == 0)
            {
                var added = await Store.AddExpenseAsync(User, RandomDraft(random));
                model[added.Id] = added;
            }
            else if (roll < 65)
            {
                var current = Pick(random, model);
                model[current.Id] = await Store.UpdateExpenseAsync(User, current.Id, current.Version, RandomDraft(random));
            }
            else if (roll < 80)
            {
                var current = Pick(random, model);
                await Store.DeleteAsync(User, current.Id);
                model.Remove(current.Id);
            }
            else if (roll < 85)
            {
                var drafts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomDraft(random)).ToList();
                await Store.AddManyAsync(User, drafts);
                var fresh = (await ListAllAsync(Store, User, pageSize: 100)).Where(expense => !model.ContainsKey(expense.Id)).ToList();
                Assert.Equal(drafts.Select(draft => (draft.Date, draft.Amount)).Order(), fresh.Select(expense => (expense.Date, expense.Amount)).Order());
                fresh.ForEach(expense => model[expense.Id] = expense);
            }
            else if (roll < 95)
            {
                var current = Pick(random, model);
                await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateExpenseAsync(User, current.Id, current.Version - 1, RandomDraft(random)));
            }
            else
            {
                await Assert.ThrowsAsync<NotFoundException>(() => Store.DeleteAsync(User, Guid.NewGuid().ToString("N")));
            }
        }

        var listed = await ListAllAsync(Store, User, pageSize: 7);
        Assert.Equal(InListOrder(model.Values).Select(Shape), listed.Select(Shape));
        await AssertAggregatesMatchAsync(listed);
    }

    /// <summary>Every stored aggregate, read back through the interface, equals a sum over <paramref name="expenses"/>.</summary>
    protected async Task AssertAggregatesMatchAsync(IReadOnlyCollection<Expense> expenses)
    {
        Assert.Equal(DailyTotals(expenses, YearStart, YearEnd), await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd));
        Assert.Equal(Totals(expenses, ExpenseFilter.None), await Store.GetTotalsAsync(User, ExpenseFilter.None));
        foreach (var tag in expenses.SelectMany(expense => expense.Tags).Concat(RandomTags).Distinct())
        {
            Assert.Equal(DailyTotals(expenses, YearStart, YearEnd, tag: tag), await Store.StoredDailyTotalsAsync(User, YearStart, YearEnd, tag: tag));
        }

        foreach (var category in expenses.Select(expense => expense.CategoryId).Concat(RandomCategories).Distinct())
        {
            Assert.Equal(Totals(expenses, new ExpenseFilter(CategoryId: category)), await Store.GetTotalsAsync(User, new ExpenseFilter(CategoryId: category)));
        }
    }

    private static readonly string[] RandomTags = ["work", "home", "trip", "gift", "tax"];
    private static readonly string[] RandomCategories = ["food", "transport", "bills", "c0123456789abcdef"];

    private static ExpenseDraft RandomDraft(Random random) => new(
        Day("2026-01-01").AddDays(random.Next(90)),
        new Money(random.Next(1, 500_000)),
        RandomCategories[random.Next(RandomCategories.Length)],
        random.Next(3) == 0 ? "" : $"note {random.Next(1000)}",
        Tags.Parse(string.Join(',', RandomTags.Where(_ => random.Next(4) == 0))));

    private static Expense Pick(Random random, Dictionary<string, Expense> model) =>
        model.Values.OrderBy(expense => expense.Id, StringComparer.Ordinal).ElementAt(random.Next(model.Count));

    private static ExpenseFilter FilterNamed(string name) => name switch
    {
        "dates" => new ExpenseFilter(From: Day("2026-02-10"), To: Day("2026-03-05")),
        "category" => new ExpenseFilter(CategoryId: "transport"),
        "tag" => new ExpenseFilter(Tag: "work"),
        "text" => new ExpenseFilter(Text: "dinner"),
        "text in other case" => new ExpenseFilter(Text: " DINNER "),
        "all at once" => new ExpenseFilter(Day("2026-02-01"), Day("2026-03-31"), "food", "team", "Dinner"),
        "rare category" => new ExpenseFilter(CategoryId: "rare"),
        "nothing" => new ExpenseFilter(Text: "nothing has this"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>40 expenses over February to April: several a day, every filter matching some and not others.</summary>
    private async Task<List<Expense>> AddVariedExpensesAsync()
    {
        string[] categories = ["food", "transport", "bills", "food"];
        string[] descriptions = ["Dinner at Toit", "Metro card", "Electricity bill", "dinner with team", "Coffee", ""];
        string[][] tags = [["work"], [], ["team", "work"], ["home"], ["team"]];
        var drafts = Enumerable.Range(0, 40).Select(i => Draft(
            ExpenseForm.FormatDate(Day("2026-02-01").AddDays(i * 2 % 75)),
            10 + (i * 7.25m),
            i is 5 or 33 ? "rare" : categories[i % categories.Length],
            descriptions[i % descriptions.Length],
            tags[i % tags.Length])).ToList();
        var expenses = new List<Expense>();
        foreach (var draft in drafts)
        {
            expenses.Add(await Store.AddExpenseAsync(User, draft));
        }

        return expenses;
    }
}
