using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Expenses.DynamoDb;
using Money = ExpenseTracker.Web.Expenses.Money;

namespace ExpenseTracker.Web.Tests.Budgets;

/// <summary>
/// The crossing windows that the DynamoDB store guards its writes on instead of the exact total: a total that passes
/// the guard made from another total must lead to the same alert, or the guard would let a wrong decision commit.
/// </summary>
public sealed class CrossingWindowTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void ARiseCrossesALineExactlyWhenTheTotalBeforeItIsInThatLinesWindow()
    {
        var budget = new BudgetSettings(new Money(1_000), BudgetPeriod.CalendarMonth, 80);

        var windows = BudgetCheck.CrossingWindows(budget, 150);

        Assert.Equal([new CrossingWindow(850, 1_000), new CrossingWindow(650, 800)], windows);
        Assert.Equal(AlertLevel.Exceeded, BudgetCheck.Crossing(budget, "2026-11", new Money(851), new Money(1_001), Now)!.Level);
        Assert.Null(BudgetCheck.Crossing(budget, "2026-11", new Money(850), new Money(1_000), Now));
    }

    [Fact]
    public void EveryTotalThatPassesAGuardLeadsToTheSameAlertAsTheTotalTheGuardWasMadeFrom()
    {
        // Small budgets (in paise), with and without a warning, every rise and every pair of totals up to the lines and
        // past them: small numbers, the same arithmetic as crores.
        foreach (var (amount, warning) in from amount in new long[] { 1, 7, 40, 63 } from warning in new[] { 0, 1, 50, 80, 99 } select (amount, warning))
        {
            var budget = new BudgetSettings(new Money(amount), BudgetPeriod.CalendarMonth, warning);
            for (var rise = 1L; rise <= amount + 3; rise++)
            {
                var windows = BudgetCheck.CrossingWindows(budget, rise);
                for (var read = 0L; read <= amount + 3; read++)
                {
                    var guard = TotalGuard.Of(windows, read);
                    var decided = BudgetCheck.Crossing(budget, "2026-11", new Money(read), new Money(read + rise), Now)?.Level;
                    for (var actual = 0L; actual <= amount + 3; actual++)
                    {
                        if (guard.Admits(actual))
                        {
                            Assert.Equal(decided, BudgetCheck.Crossing(budget, "2026-11", new Money(actual), new Money(actual + rise), Now)?.Level);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void AGuardMadeFarBelowTheLinesAdmitsEveryTotalOutOfTheirWindows()
    {
        var budget = new BudgetSettings(new Money(10_000), BudgetPeriod.CalendarMonth, 80);
        var guard = TotalGuard.Of(BudgetCheck.CrossingWindows(budget, 500), 1_000);

        Assert.True(guard.Admits(0));
        Assert.True(guard.Admits(7_500));
        Assert.False(guard.Admits(7_501));
        Assert.True(guard.Admits(8_000 + 1));
        Assert.False(guard.Admits(9_600));
        Assert.True(guard.Admits(10_001));
    }
}
