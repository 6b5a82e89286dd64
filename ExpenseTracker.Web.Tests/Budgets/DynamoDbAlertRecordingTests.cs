using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Budgets.DynamoDb;
using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;
using ExpenseFilter = ExpenseTracker.Web.Expenses.ExpenseFilter;
using ExpenseTotals = ExpenseTracker.Web.Expenses.ExpenseTotals;
using Money = ExpenseTracker.Web.Expenses.Money;

namespace ExpenseTracker.Web.Tests.Budgets;

/// <summary>
/// What only the DynamoDB store can show: how its alert recording behaves when another write slips in between its
/// read of the totals and its transaction (made to happen, not hoped for): rebuilt only when the other write moved the
/// total across the line's crossing window, and that an alert write never conditions.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbAlertRecordingTests : IDisposable
{
    private readonly DynamoDbLocal engine;
    private readonly CountingHttpClientFactory requests = new();
    private readonly IAmazonDynamoDB racingClient;
    private readonly DynamoDbExpenseStore racing;
    private readonly DynamoDbExpenseStore other;
    private readonly string user = NewUserId();

    public DynamoDbAlertRecordingTests(DynamoDbLocal engine)
    {
        this.engine = engine;
        racingClient = engine.CreateClient(config => config.HttpClientFactory = requests);
        racing = TestStores.Expenses(racingClient, engine.TableName, TimeProvider.System);
        other = TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System);
    }

    public void Dispose() => racingClient.Dispose();

    [Fact]
    public async Task AnAddThatLosesTheRaceForTheMonthsTotalIsRebuiltWithTheNewTotalAndRaisesTheAlert()
    {
        await BudgetAsync(10_000);
        SlipInBeforeTransactions(1, () => other.AddExpenseAsync(user, Draft("2026-11-10", 6_000)));

        var write = await racing.AddAsync(user, Draft("2026-11-11", 6_000));

        Assert.Equal(1_200_000L, Assert.Single(write.Alerts).Total.Paise);
        Assert.Equal(["BatchGetItem", "TransactWriteItems", "BatchGetItem", "BatchGetItem", "TransactWriteItems"], requests.Operations);
        Assert.Equal(new ExpenseTotals(2, Money.FromRupees(12_000)), await other.GetTotalsAsync(user, ExpenseFilter.None));
        Assert.Single(await new DynamoDbAlertStore(new AppTable(engine.Client, engine.TableName)).ListAsync(user, 10));
    }

    [Fact]
    public async Task AWriteFarFromEveryLineIsNotHeldUpByAnotherWriteThatSlipsIn()
    {
        await BudgetAsync(10_000);
        SlipInBeforeTransactions(1, () => other.AddExpenseAsync(user, Draft("2026-11-10", 2_000)));

        var write = await racing.AddAsync(user, Draft("2026-11-11", 1_000));

        Assert.Empty(write.Alerts);
        Assert.Equal(["BatchGetItem", "TransactWriteItems"], requests.Operations);
        Assert.Equal(new ExpenseTotals(2, Money.FromRupees(3_000)), await other.GetTotalsAsync(user, ExpenseFilter.None));
    }

    [Fact]
    public async Task AWriteWhoseLineKeepsBeingCrossedUnderItGivesUpBusyWithNothingWritten()
    {
        await BudgetAsync(10_000);
        await other.AddExpenseAsync(user, Draft("2026-11-09", 9_600));
        // Before each attempt the month's total jumps across the ₹500 add's window, (₹9,500, ₹10,000], or back.
        Web.Expenses.Expense? jump = null;
        SlipInBeforeTransactions(int.MaxValue, async () =>
        {
            if (jump is null)
            {
                jump = await other.AddExpenseAsync(user, Draft("2026-11-10", 1_000));
            }
            else
            {
                await other.DeleteAsync(user, jump.Id);
                jump = null;
            }
        });

        var failure = await Assert.ThrowsAsync<StoreBusyException>(() => racing.AddExpenseAsync(user, Draft("2026-11-11", 500)));

        Assert.Contains("nothing was changed", failure.Message);
        Assert.Equal(DynamoDbExpenseStore.PeriodAttempts, requests.Operations.Count(operation => operation == "TransactWriteItems"));
        var stored = await other.ListAsync(user, ExpenseFilter.None, null, 100);
        Assert.DoesNotContain(stored.Items, expense => expense.Amount == Money.FromRupees(500));
    }

    [Fact]
    public async Task AnEditThatLosesToAnotherEditOfTheSameExpenseIsAConflictNotARetry()
    {
        await BudgetAsync(10_000);
        var expense = await other.AddExpenseAsync(user, Draft("2026-11-10", 1_000));
        SlipInBeforeTransactions(1, () => other.UpdateExpenseAsync(user, expense.Id, expense.Version, Draft("2026-11-10", 2_000)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => racing.UpdateExpenseAsync(user, expense.Id, expense.Version, Draft("2026-11-10", 9_500)));

        Assert.Equal(["BatchGetItem", "TransactWriteItems", "GetItem"], requests.Operations);
        Assert.Equal(new ExpenseTotals(1, Money.FromRupees(2_000)), await other.GetTotalsAsync(user, ExpenseFilter.None));
    }

    [Fact]
    public async Task RecordingAnAlertThatExistsChangesNothingAndNeverCarriesACondition()
    {
        var first = new BudgetAlert("2026-11", AlertLevel.Exceeded, Money.FromRupees(10_000), 100, Money.FromRupees(10_000), Money.FromRupees(10_250), DateTimeOffset.UnixEpoch);
        var repeat = first with { Total = Money.FromRupees(12_000), CreatedAt = DateTimeOffset.UnixEpoch.AddDays(1) };
        var write = AlertItem.Record(engine.TableName, user, first);

        await engine.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [write] });
        await engine.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [AlertItem.Record(engine.TableName, user, repeat)] });

        Assert.Null(write.Update.ConditionExpression);
        Assert.Equal([first], await new DynamoDbAlertStore(new AppTable(engine.Client, engine.TableName)).ListAsync(user, 10));
    }

    private Task BudgetAsync(decimal rupees) =>
        new DynamoDbBudgetStore(new AppTable(engine.Client, engine.TableName), BudgetAlerting.Standalone(), TimeProvider.System).SaveAsync(user, new BudgetSettings(Money.FromRupees(rupees), BudgetPeriod.CalendarMonth, 0));

    /// <summary>Before each of the next <paramref name="times"/> transactions of the racing store, another write commits.</summary>
    private void SlipInBeforeTransactions(int times, Func<Task> write)
    {
        var left = times;
        requests.BeforeSend = async operation =>
        {
            if (operation == "TransactWriteItems" && left-- > 0)
            {
                await write();
            }
        };
    }
}
