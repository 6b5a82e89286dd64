using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Budgets;

/// <summary>How much of the budget the current period has used.</summary>
public sealed record BudgetProgress(BudgetSettings Budget, string PeriodText, Money Spent)
{
    /// <summary>Spent as a share of the budget, in whole percent (above 100 when over).</summary>
    public int Percent => (int)Math.Min(999, Spent.Paise * 100 / Budget.Amount.Paise);

    public bool IsOver => Spent > Budget.Amount;

    public bool IsWarning => !IsOver && Budget.WarningPercent > 0 && Spent > Budget.Threshold(AlertLevel.Warning);

    public Money Left => IsOver ? Money.Zero : Budget.Amount - Spent;
}

/// <summary>Reads the current period's progress from the stored totals (one aggregate read, never the expenses).</summary>
public sealed class BudgetOverview(IBudgetStore budgets, IExpenseStore expenses, AppClock clock)
{
    public async Task<BudgetProgress> GetProgressAsync(string userId, CancellationToken cancellationToken = default)
    {
        var budget = await budgets.GetAsync(userId, cancellationToken);
        var today = clock.Today;
        var (filter, text) = budget.Period == BudgetPeriod.AllTime
            ? (ExpenseFilter.None, "so far")
            : (new ExpenseFilter(From: SupportedDates.StartOfMonth(today), To: SupportedDates.EndOfMonth(today)),
                "in " + BudgetSettings.DescribePeriod(BudgetSettings.MonthKey(today)));
        var totals = await expenses.GetTotalsAsync(userId, filter, cancellationToken);
        return new BudgetProgress(budget, text, totals.Total);
    }
}
