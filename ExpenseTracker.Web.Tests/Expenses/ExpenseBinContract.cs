using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Expense = ExpenseTracker.Web.Expenses.Expense;

namespace ExpenseTracker.Web.Tests.Expenses;

/// <summary>
/// Undo instead of confirm, on every store: a deleted expense comes back from the bin with its id, tags and totals, and
/// the budget's alerts as they were, within the undo window and only then. Run by a subclass per store.
/// </summary>
public abstract class ExpenseBinContract(ExpenseTrackerFactory factory) : IDisposable
{
    private readonly string user = "bin-" + Guid.NewGuid().ToString("N")[..12];

    protected ExpenseTrackerFactory Factory { get; } = factory;

    private IExpenseStore Store => Factory.Expenses();

    private ExpenseBin Bin => Factory.Services.GetRequiredService<ExpenseBin>();

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task UndoBringsADeletedExpenseBackWithItsIdTagsAndTotals()
    {
        await AddAsync(ExpenseBuilder.Expense.On(2026, 11, 3).Costing(80).In("transport"));
        var doomed = await AddAsync(ExpenseBuilder.Expense.On(2026, 11, 12).Costing(250).In("food").Described("Thali").Tagged("lunch", "work"));
        var before = await SnapshotAsync();

        var deleted = await Bin.DeleteAsync(user, doomed.Id, CancellationToken.None);

        Assert.Equal(doomed, deleted);
        Assert.Null(await Store.FindAsync(user, doomed.Id));
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(80)), await Store.GetTotalsAsync(user, ExpenseFilter.None));
        Assert.Equal(ExpenseTotals.Empty, await Store.GetTotalsAsync(user, new ExpenseFilter(Tag: "work")));

        var restored = await Bin.RestoreAsync(user, doomed.Id, CancellationToken.None);

        Assert.Equal(doomed with { Version = 2 }, restored.Expense);
        Assert.Equal(restored.Expense, await Store.FindAsync(user, doomed.Id));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(restored.Alerts);
    }

    [Fact]
    public async Task UndoOverABudgetLineCrossedAlreadyRaisesNoSecondAlert()
    {
        await Factory.Budgets().SaveAsync(user, new BudgetSettings(Money.FromRupees(10_000), BudgetPeriod.CalendarMonth, 80));
        await AddAsync(ExpenseBuilder.Expense.Costing(7_000));
        var crossing = await Store.AddAsync(user, ExpenseBuilder.Expense.Costing(3_500).Build());
        Assert.Equal([AlertLevel.Exceeded], crossing.Alerts.Select(alert => alert.Level));

        await Bin.DeleteAsync(user, crossing.Expense.Id, CancellationToken.None);
        var restored = await Bin.RestoreAsync(user, crossing.Expense.Id, CancellationToken.None);

        Assert.Empty(restored.Alerts);
        var alerts = await Factory.AlertsOfAsync(user);
        Assert.Equal([AlertLevel.Exceeded], alerts.Select(alert => alert.Level));
        Assert.Equal(Money.FromRupees(10_500), (await Store.GetTotalsAsync(user, ExpenseFilter.None)).Total);
    }

    [Fact]
    public async Task AnUndoAfterTheWindowOrASecondUndoIsRefusedAndChangesNothing()
    {
        var late = await AddAsync(ExpenseBuilder.Expense.Costing(120));
        var twice = await AddAsync(ExpenseBuilder.Expense.Costing(45));
        await Bin.DeleteAsync(user, twice.Id, CancellationToken.None);
        await Bin.RestoreAsync(user, twice.Id, CancellationToken.None);
        await Bin.DeleteAsync(user, late.Id, CancellationToken.None);

        Factory.Time.Now += Bin.UndoWindow + ExpenseBin.Grace + TimeSpan.FromSeconds(1);

        var tooLate = await Assert.ThrowsAsync<NotFoundException>(() => Bin.RestoreAsync(user, late.Id, CancellationToken.None));
        Assert.Equal(ExpenseBin.GoneMessage, tooLate.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Bin.RestoreAsync(user, twice.Id, CancellationToken.None));
        Assert.Null(await Store.FindAsync(user, late.Id));
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(45)), await Store.GetTotalsAsync(user, ExpenseFilter.None));
    }

    [Fact]
    public async Task TheNextDeleteEmptiesTheBinOfWhatCanNoLongerBeUndone()
    {
        var old = await AddAsync(ExpenseBuilder.Expense.Costing(10));
        var recent = await AddAsync(ExpenseBuilder.Expense.Costing(20));
        await Bin.DeleteAsync(user, old.Id, CancellationToken.None);
        Factory.Time.Now += Bin.UndoWindow + ExpenseBin.Grace + TimeSpan.FromSeconds(1);

        await Bin.DeleteAsync(user, recent.Id, CancellationToken.None);

        // Asked with no time limit at all, the store has only the recent one left to give back.
        await Assert.ThrowsAsync<NotFoundException>(() => Store.RestoreAsync(user, old.Id, DateTimeOffset.MinValue));
        Assert.Equal(recent.Id, (await Store.RestoreAsync(user, recent.Id, DateTimeOffset.MinValue)).Expense.Id);
    }

    [Fact]
    public async Task DeletingAnAccountEmptiesItsBinToo()
    {
        var expense = await AddAsync(ExpenseBuilder.Expense.Costing(10));
        await Bin.DeleteAsync(user, expense.Id, CancellationToken.None);

        await Store.EraseAsync(user);

        await Assert.ThrowsAsync<NotFoundException>(() => Store.RestoreAsync(user, expense.Id, DateTimeOffset.MinValue));
    }

    private Task<Expense> AddAsync(ExpenseBuilder expense) => Store.AddExpenseAsync(user, expense.Build());

    /// <summary>Every total the expense page and the charts read, and the list itself.</summary>
    private async Task<string> SnapshotAsync()
    {
        var november = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var list = await Store.ListAsync(user, ExpenseFilter.None, null, 100);
        var parts = new List<object>
        {
            await Store.GetTotalsAsync(user, ExpenseFilter.None),
            await Store.GetTotalsAsync(user, new ExpenseFilter(Tag: "work")),
            string.Join(";", list.Items.Select(expense => $"{expense.Id}:{expense.Amount}:{string.Join(",", expense.Tags)}")),
        };
        foreach (var grouping in Enum.GetValues<TotalsGrouping>())
        {
            var groups = await Store.GetGroupedTotalsAsync(user, november.Item1, november.Item2, grouping);
            parts.Add(string.Join(";", groups.OrderBy(group => $"{group.CategoryId}{group.Period}").Select(group => group.ToString())));
        }

        return string.Join("\n", parts);
    }
}

public sealed class SqliteExpenseBinTests() : ExpenseBinContract(new ExpenseTrackerFactory())
{
    [Fact]
    public async Task TheFeaturesThatKeepThingsPerExpenseAreToldOfADeleteAndOfItsUndo()
    {
        var handler = new RecordingHandler();
        using var app = Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IDeletedExpenseHandler>(handler)));
        var bin = app.Services.GetRequiredService<ExpenseBin>();
        var store = app.Services.GetRequiredService<IExpenseStore>();
        var expense = await store.AddExpenseAsync("binning", ExpenseBuilder.Expense.Costing(10).Build());

        await bin.DeleteAsync("binning", expense.Id, CancellationToken.None);
        await bin.RestoreAsync("binning", expense.Id, CancellationToken.None);

        Assert.Equal([$"deleted {expense.Id}", $"restored {expense.Id}"], handler.Told);
    }

    [Fact]
    public async Task AnUndoTooLateTellsTheFeaturesNothing()
    {
        var handler = new RecordingHandler();
        using var app = Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IDeletedExpenseHandler>(handler)));
        var bin = app.Services.GetRequiredService<ExpenseBin>();
        var expense = await app.Services.GetRequiredService<IExpenseStore>().AddExpenseAsync("binning", ExpenseBuilder.Expense.Costing(10).Build());
        await bin.DeleteAsync("binning", expense.Id, CancellationToken.None);

        Factory.Time.Now += bin.UndoWindow + ExpenseBin.Grace + TimeSpan.FromSeconds(1);

        await Assert.ThrowsAsync<NotFoundException>(() => bin.RestoreAsync("binning", expense.Id, CancellationToken.None));
        Assert.Equal([$"deleted {expense.Id}"], handler.Told);
    }

    private sealed class RecordingHandler : IDeletedExpenseHandler
    {
        public List<string> Told { get; } = [];

        public Task DeletedAsync(string userId, string expenseId, CancellationToken cancellationToken)
        {
            Told.Add($"deleted {expenseId}");
            return Task.CompletedTask;
        }

        public Task RestoredAsync(string userId, string expenseId, CancellationToken cancellationToken)
        {
            Told.Add($"restored {expenseId}");
            return Task.CompletedTask;
        }
    }
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbExpenseBinTests(DynamoDbLocal engine) : ExpenseBinContract(new DynamoDbAppFactory(engine.ServiceUrl, engine.TableName));
