using System.Net;
using System.Net.Http.Json;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Tests.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;
using ExpenseFilter = ExpenseTracker.Web.Expenses.ExpenseFilter;
using ExpenseTotals = ExpenseTracker.Web.Expenses.ExpenseTotals;
using ExpenseWrite = ExpenseTracker.Web.Expenses.ExpenseWrite;
using IExpenseStore = ExpenseTracker.Web.Expenses.IExpenseStore;
using Money = ExpenseTracker.Web.Expenses.Money;

namespace ExpenseTracker.Web.Tests.Expenses;

/// <summary>
/// Many writers on one person's month at once, as 32 clients of the black-box load probe are: every valid write is
/// stored and acknowledged, the totals equal the expenses, and each budget line crossed is alerted exactly once, to
/// exactly one of the writers. A store runs these cases by subclassing with a factory configured for it.
/// </summary>
public abstract class ConcurrentWritesContract(ExpenseTrackerFactory factory) : IDisposable
{
    private const int Writers = 32;

    private readonly string user = "race-" + Guid.NewGuid().ToString("N")[..12];

    protected ExpenseTrackerFactory Factory { get; } = factory;

    private IExpenseStore Store => Factory.Expenses();

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ThirtyTwoWritersAddingToOneMonthAreAllStoredAndEachLineIsAlertedOnce()
    {
        await Factory.Budgets().SaveAsync(user, new BudgetSettings(Money.FromRupees(10_000), BudgetPeriod.CalendarMonth, 80));

        // 32 × 8 adds of ₹50 = ₹12,800: across the warning (₹8,000) and the budget (₹10,000), each once.
        var writes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var mine = new List<ExpenseWrite>();
            for (var i = 0; i < 8; i++)
            {
                mine.Add(await Store.AddAsync(user, Expense.On(2026, 11, 1 + (writer % 28)).Costing(50).Described($"writer {writer} #{i}").Build()));
            }

            return mine;
        })));

        var raised = writes.SelectMany(mine => mine).SelectMany(write => write.Alerts).ToList();
        Assert.Equal(new ExpenseTotals(256, Money.FromRupees(12_800)), await Store.GetTotalsAsync(user, ExpenseFilter.None));
        Assert.Equal(["Exceeded", "Warning"], (await Factory.AlertsOfAsync(user)).Select(alert => alert.Level.ToString()).Order());
        Assert.Equal(["Exceeded", "Warning"], raised.Select(alert => alert.Level.ToString()).Order());
        Assert.Equal(1_000_000L, raised.Single(alert => alert.Level == AlertLevel.Exceeded).Threshold.Paise);
        Assert.All(raised, alert => Assert.InRange(alert.Total.Paise - alert.Threshold.Paise, 1, 5_000));
    }

    [Fact]
    public async Task ThirtyTwoClientsPostingToTheApiAtOnceAreAllAnsweredCreated()
    {
        var client = Factory.CreatePlainClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, Writers * 4).Select(index => Task.Run(async () =>
        {
            var response = await client.PostAsJsonAsync("/api/expenses", new { amount = "75", date = "2026-11-05", categoryId = "food", description = $"post {index}" });
            return response.StatusCode;
        })));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(new ExpenseTotals(Writers * 4, Money.FromRupees(75 * Writers * 4)), await Store.GetTotalsAsync(Factory.DefaultUserId, ExpenseFilter.None));
    }

    [Fact]
    public async Task ThirtyTwoWritersEditingTheirOwnExpensesUpwardsAreAllStoredAndTheBudgetIsAlertedOnce()
    {
        await Factory.Budgets().SaveAsync(user, new BudgetSettings(Money.FromRupees(10_000), BudgetPeriod.CalendarMonth, 0));
        var expenses = new List<Web.Expenses.Expense>();
        for (var writer = 0; writer < Writers; writer++)
        {
            expenses.Add(await Store.AddExpenseAsync(user, Expense.On(2026, 11, 2).Costing(100).Build()));
        }

        // Each writer raises its own expense step by step from ₹100 to ₹400: ₹3,200 to ₹12,800 in all.
        var writes = await Task.WhenAll(expenses.Select(expense => Task.Run(async () =>
        {
            var mine = new List<ExpenseWrite>();
            var version = expense.Version;
            foreach (var rupees in new[] { 200, 300, 400 })
            {
                var write = await Store.UpdateAsync(user, expense.Id, version, Expense.On(2026, 11, 2).Costing(rupees).Build());
                version = write.Expense.Version;
                mine.Add(write);
            }

            return mine;
        })));

        Assert.Equal(new ExpenseTotals(Writers, Money.FromRupees(12_800)), await Store.GetTotalsAsync(user, ExpenseFilter.None));
        Assert.Single(writes.SelectMany(mine => mine).SelectMany(write => write.Alerts));
        Assert.Single(await Factory.AlertsOfAsync(user));
    }

    [Fact]
    public async Task WritersAddingAndDeletingAtOnceLeaveTotalsEqualToTheExpensesThatRemain()
    {
        var kept = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var keep = await Store.AddExpenseAsync(user, Expense.On(2026, 11, 3).In("food").Costing(10).Tagged("shared").Build());
            var drop = await Store.AddExpenseAsync(user, Expense.On(2026, 11, 3).In("food").Costing(1_000).Tagged("shared").Build());
            await Store.DeleteAsync(user, drop.Id);
            return keep;
        })));

        Assert.Equal(Writers, kept.Length);
        Assert.Equal(new ExpenseTotals(Writers, Money.FromRupees(320)), await Store.GetTotalsAsync(user, ExpenseFilter.None));
        Assert.Equal(
            new ExpenseTotals(Writers, Money.FromRupees(320)),
            await Store.GetTotalsAsync(user, ExpenseFilter.None with { Tag = "shared", CategoryId = "food" }));
    }
}

public sealed class SqliteConcurrentWritesTests() : ConcurrentWritesContract(new ExpenseTrackerFactory());

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbConcurrentWritesTests(DynamoDbLocal engine) : ConcurrentWritesContract(new DynamoDbAppFactory(engine.ServiceUrl, engine.TableName));
