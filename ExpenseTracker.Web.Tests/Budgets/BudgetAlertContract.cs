using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;
using ExpenseFilter = ExpenseTracker.Web.Expenses.ExpenseFilter;
using ExpenseTotals = ExpenseTracker.Web.Expenses.ExpenseTotals;
using ExpenseWrite = ExpenseTracker.Web.Expenses.ExpenseWrite;
using IExpenseStore = ExpenseTracker.Web.Expenses.IExpenseStore;
using Money = ExpenseTracker.Web.Expenses.Money;

namespace ExpenseTracker.Web.Tests.Budgets;

/// <summary>
/// What every expense store must do about budgets, whatever it is built on: record an alert in the write that
/// crosses a line, once per user, period, level and budget, from its stored totals. A store runs these cases by
/// subclassing with a factory configured for it.
/// </summary>
public abstract class BudgetAlertContract(ExpenseTrackerFactory factory) : IDisposable
{
    /// <summary>Each test its own user, so a store whose table outlives one test still starts every case empty.</summary>
    private readonly string user = "budget-" + Guid.NewGuid().ToString("N")[..12];

    private static readonly DateTimeOffset November15 = new(2026, 11, 15, 6, 30, 0, TimeSpan.Zero);

    protected ExpenseTrackerFactory Factory { get; } = factory;

    private IExpenseStore Store => Factory.Expenses();

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AUserWithoutSettingsHasTheConfiguredDefaultOfTenThousandRupeesAMonthWithAWarningAt80Percent()
    {
        var settings = await Factory.Budgets().GetAsync(user);

        Assert.Equal(new BudgetSettings(Money.FromRupees(10_000), BudgetPeriod.CalendarMonth, 80), settings);
    }

    [Fact]
    public async Task SavedSettingsAreReadBackAndOnlyForThatUser()
    {
        var mine = new BudgetSettings(Money.FromRupees(12_345.67m), BudgetPeriod.AllTime, 0);

        await Factory.Budgets().SaveAsync(user, mine);

        Assert.Equal(mine, await Factory.Budgets().GetAsync(user));
        Assert.Equal(BudgetPeriod.CalendarMonth, (await Factory.Budgets().GetAsync(user + "-other")).Period);
    }

    [Fact]
    public async Task ReachingExactlyTheBudgetIsNotAboveItButOnePaisaMoreIs()
    {
        await BudgetAsync(10_000, warningPercent: 0);

        Assert.Empty((await AddAsync(Expense.Costing(6_000))).Alerts);
        Assert.Empty((await AddAsync(Expense.Costing(4_000))).Alerts);
        var crossing = await AddAsync(Expense.Costing(0.01m));

        var alert = Assert.Single(crossing.Alerts);
        Assert.Equal(new BudgetAlert("2026-11", AlertLevel.Exceeded, Money.FromRupees(10_000), 100, Money.FromRupees(10_000), Money.FromRupees(10_000.01m), November15), alert);
        Assert.Equal([alert], await AlertsAsync());
    }

    [Fact]
    public async Task AnAddThatCrossesTheBudgetRecordsTheAlertWithTheTotalAtTheCrossing()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        await AddAsync(Expense.Costing(9_000));

        var write = await AddAsync(Expense.Costing(1_250));

        var alert = Assert.Single(write.Alerts);
        Assert.Equal((AlertLevel.Exceeded, 1_025_000L), (alert.Level, alert.Total.Paise));
        Assert.Equal("Budget alert: your spending for November 2026 is ₹10,250.00, above your ₹10,000.00 budget.", alert.Message);
        Assert.Equal(write.Alerts, await AlertsAsync());
    }

    [Fact]
    public async Task TheWarningComesWhenSpendingGoesAboveTheWarningPercentage()
    {
        await BudgetAsync(10_000, warningPercent: 80);

        Assert.Empty((await AddAsync(Expense.Costing(8_000))).Alerts);
        var write = await AddAsync(Expense.Costing(100));

        var alert = Assert.Single(write.Alerts);
        Assert.Equal((AlertLevel.Warning, 80, 800_000L, 810_000L), (alert.Level, alert.Percent, alert.Threshold.Paise, alert.Total.Paise));
        Assert.Equal("Budget warning: your spending for November 2026 is ₹8,100.00, above 80% of your ₹10,000.00 budget.", alert.Message);
    }

    [Fact]
    public async Task AfterTheWarningCrossingTheBudgetStillAlertsAndAWriteOverBothLinesAlertsOnlyForTheBudget()
    {
        await BudgetAsync(10_000, warningPercent: 80);
        var warning = Assert.Single((await AddAsync(Expense.Costing(8_500))).Alerts);
        var exceeded = Assert.Single((await AddAsync(Expense.Costing(2_000))).Alerts);
        var nextMonth = Assert.Single((await AddAsync(Expense.On(2026, 12, 1).Costing(20_000))).Alerts);

        Assert.Equal(AlertLevel.Warning, warning.Level);
        Assert.Equal(AlertLevel.Exceeded, exceeded.Level);
        Assert.Equal(("2026-12", AlertLevel.Exceeded), (nextMonth.Period, nextMonth.Level));
        Assert.Equal(3, (await AlertsAsync()).Count);
    }

    [Fact]
    public async Task StayingAboveTheBudgetDoesNotRepeatTheAlert()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        await AddAsync(Expense.Costing(10_500));

        Assert.Empty((await AddAsync(Expense.Costing(100))).Alerts);
        Assert.Empty((await AddAsync(Expense.Costing(5_000))).Alerts);

        Assert.Single(await AlertsAsync());
    }

    [Fact]
    public async Task AnEditThatRaisesAnAmountAboveTheBudgetAlerts()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        await AddAsync(Expense.Costing(5_000));
        var edited = (await AddAsync(Expense.Costing(4_000))).Expense;

        var write = await Store.UpdateAsync(user, edited.Id, edited.Version, Expense.Costing(6_000).Build());

        var alert = Assert.Single(write.Alerts);
        Assert.Equal(("2026-11", 1_100_000L), (alert.Period, alert.Total.Paise));
        Assert.Equal(6_000m, write.Expense.Amount.Rupees);
    }

    [Fact]
    public async Task ADateChangeThatMovesAnExpenseIntoTheMonthAlertsForThatMonthOnly()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        var october = (await AddAsync(Expense.On(2026, 10, 20).Costing(5_000))).Expense;
        await AddAsync(Expense.On(2026, 11, 3).Costing(8_000));

        var write = await Store.UpdateAsync(user, october.Id, october.Version, Expense.On(2026, 11, 4).Costing(5_000).Build());

        var alert = Assert.Single(write.Alerts);
        Assert.Equal(("2026-11", AlertLevel.Exceeded, 1_300_000L), (alert.Period, alert.Level, alert.Total.Paise));
        Assert.Equal([alert], await AlertsAsync());
    }

    [Fact]
    public async Task GoingUnderByADeleteAndOverAgainInTheSameMonthDoesNotAlertASecondTime()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        await AddAsync(Expense.Costing(9_000));
        var pushedOver = (await AddAsync(Expense.Costing(1_500))).Expense;
        Assert.Single(await AlertsAsync());

        await Store.DeleteAsync(user, pushedOver.Id);
        var overAgain = await AddAsync(Expense.Costing(2_000));

        Assert.Empty(overAgain.Alerts);
        var only = Assert.Single(await AlertsAsync());
        Assert.Equal(1_050_000L, only.Total.Paise);
        Assert.Equal(11_000m, (await Store.GetTotalsAsync(user, ExpenseFilter.None)).Total.Rupees);
    }

    [Fact]
    public async Task ANewMonthAlertsAgain()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        await AddAsync(Expense.On(2026, 11, 2).Costing(10_001));

        var december = await AddAsync(Expense.On(2026, 12, 2).Costing(10_001));

        Assert.Equal("2026-12", Assert.Single(december.Alerts).Period);
        Assert.Equal(["2026-11", "2026-12"], (await AlertsAsync()).Select(alert => alert.Period).Order());
    }

    [Fact]
    public async Task AChangedBudgetAlertsAgainInTheSameMonth()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        await AddAsync(Expense.Costing(10_500));
        await BudgetAsync(20_000, warningPercent: 0);

        Assert.Empty((await AddAsync(Expense.Costing(9_500))).Alerts);
        var write = await AddAsync(Expense.Costing(1));

        var alert = Assert.Single(write.Alerts);
        Assert.Equal((2_000_000L, 2_000_100L), (alert.Budget.Paise, alert.Total.Paise));
        Assert.Equal(2, (await AlertsAsync()).Count);
    }

    [Fact]
    public async Task AChangedWarningPercentageWarnsAgain()
    {
        await BudgetAsync(10_000, warningPercent: 50);
        await AddAsync(Expense.Costing(5_500));
        await BudgetAsync(10_000, warningPercent: 90);

        var write = await AddAsync(Expense.Costing(4_000));

        Assert.Equal((AlertLevel.Warning, 90), (Assert.Single(write.Alerts).Level, write.Alerts[0].Percent));
        Assert.Equal([50, 90], (await AlertsAsync()).Select(alert => alert.Percent).Order());
    }

    [Fact]
    public async Task AnAllTimeBudgetAddsUpEveryMonth()
    {
        await BudgetAsync(10_000, warningPercent: 0, BudgetPeriod.AllTime);
        await AddAsync(Expense.On(2025, 1, 5).Costing(4_000));
        await AddAsync(Expense.On(2026, 6, 5).Costing(4_000));

        var write = await AddAsync(Expense.On(2026, 11, 5).Costing(2_500));

        var alert = Assert.Single(write.Alerts);
        Assert.Equal((BudgetSettings.AllTimeKey, 1_050_000L), (alert.Period, alert.Total.Paise));
        Assert.Equal("Budget alert: your spending so far is ₹10,500.00, above your ₹10,000.00 budget.", alert.Message);
    }

    [Fact]
    public async Task AnotherUsersSpendingNeverCountsTowardsMyBudget()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        await Store.AddExpenseAsync(user + "-other", Expense.Costing(9_999).Build());

        Assert.Empty((await AddAsync(Expense.Costing(9_999))).Alerts);
        Assert.Single((await Store.AddAsync(user + "-other", Expense.Costing(2).Build())).Alerts);

        Assert.Empty(await AlertsAsync());
    }

    [Fact]
    public async Task AnImportThatCrossesTheBudgetRecordsOneAlertWithTheTotalAfterTheImport()
    {
        await BudgetAsync(10_000, warningPercent: 0);

        var (_, alerts) = await Store.AddManyAsync(user, [.. Enumerable.Range(1, 30).Select(day => Expense.On(2026, 11, day).Costing(500).Build())]);

        var alert = Assert.Single(alerts);
        Assert.Equal(1_500_000L, alert.Total.Paise);
        Assert.Equal([alert], await AlertsAsync());
    }

    [Fact]
    public async Task ThePlainWriteMethodsRecordAlertsToo()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        var expense = await Store.AddExpenseAsync(user, Expense.Costing(5_000).Build());
        await Store.UpdateExpenseAsync(user, expense.Id, expense.Version, Expense.Costing(10_000.50m).Build());

        Assert.Equal(1_000_050L, Assert.Single(await AlertsAsync()).Total.Paise);
    }

    [Fact]
    public async Task TwoConcurrentAddsThatTogetherCrossProduceExactlyOneAlertAndBothAreSaved()
    {
        await BudgetAsync(10_000, warningPercent: 0);
        // Several months, so that several pairs race; each pair's own month starts empty.
        for (var month = 1; month <= 6; month++)
        {
            var first = Expense.On(2026, month, 10).Costing(6_000).Build();
            var second = Expense.On(2026, month, 11).Costing(6_000).Build();

            var writes = await Task.WhenAll(Task.Run(() => Store.AddAsync(user, first)), Task.Run(() => Store.AddAsync(user, second)));

            var alert = Assert.Single(writes.SelectMany(write => write.Alerts));
            Assert.Equal(1_200_000L, alert.Total.Paise);
            var monthFilter = new ExpenseFilter(new DateOnly(2026, month, 1), new DateOnly(2026, month, 28));
            Assert.Equal(new ExpenseTotals(2, Money.FromRupees(12_000)), await Store.GetTotalsAsync(user, monthFilter));
        }

        Assert.Equal(6, (await AlertsAsync()).Count);
    }

    [Fact]
    public async Task AlertsAreListedNewestFirst()
    {
        await BudgetAsync(10_000, warningPercent: 80);
        await AddAsync(Expense.Costing(9_000));
        Factory.Time.Now = November15.AddHours(2);
        await AddAsync(Expense.Costing(2_000));

        Assert.Equal([AlertLevel.Exceeded, AlertLevel.Warning], (await AlertsAsync()).Select(alert => alert.Level));
        Assert.Equal(November15.AddHours(2), (await AlertsAsync())[0].CreatedAt);
    }

    [Fact]
    public async Task RestoredAlertsAreListedAsTheyWereAndARestoreOfOneAlreadyStoredChangesNothing()
    {
        var october = new BudgetAlert("2026-10", AlertLevel.Warning, Money.FromRupees(10_000), 80, Money.FromRupees(8_000), Money.FromRupees(8_100), November15.AddDays(-20));
        var november = new BudgetAlert("2026-11", AlertLevel.Exceeded, Money.FromRupees(10_000), 100, Money.FromRupees(10_000), Money.FromRupees(12_000), November15);

        await Factory.Alerts().RestoreAsync(user, [october, november]);
        await Factory.Alerts().RestoreAsync(user, [november with { Total = Money.FromRupees(99) }]);

        Assert.Equal([november, october], await AlertsAsync());
    }

    private Task BudgetAsync(decimal rupees, int warningPercent, BudgetPeriod period = BudgetPeriod.CalendarMonth) =>
        Factory.Budgets().SaveAsync(user, new BudgetSettings(Money.FromRupees(rupees), period, warningPercent));

    private Task<ExpenseWrite> AddAsync(ExpenseBuilder expense) => Store.AddAsync(user, expense.Build());

    private Task<IReadOnlyList<BudgetAlert>> AlertsAsync() => Factory.AlertsOfAsync(user);
}

public sealed class SqliteBudgetAlertTests() : BudgetAlertContract(new ExpenseTrackerFactory());

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbBudgetAlertTests(DynamoDbLocal engine) : BudgetAlertContract(new DynamoDbAppFactory(engine.ServiceUrl, engine.TableName));
