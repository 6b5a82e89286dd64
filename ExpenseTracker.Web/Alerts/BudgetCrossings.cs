using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Alerts;

/// <summary>
/// Turns a write's change to the stored totals into alerts, the same way for every store: the store says how much
/// each month's total changed and reads the totals of the raised periods; this decides what crossed.
/// </summary>
public static class BudgetCrossings
{
    /// <summary>
    /// The periods whose total a write raised, with the rise in paise, from the net change of each month ("2026-11").
    /// Only a rise can cross a line upwards, so only these periods need their totals read.
    /// </summary>
    public static IReadOnlyDictionary<string, long> RaisedPeriods(BudgetSettings budget, IReadOnlyDictionary<string, long> monthlyChanges)
    {
        if (budget.Period == BudgetPeriod.AllTime)
        {
            var net = monthlyChanges.Values.Sum();
            return net > 0 ? new Dictionary<string, long> { [BudgetSettings.AllTimeKey] = net } : new Dictionary<string, long>();
        }

        return monthlyChanges.Where(change => change.Value > 0).ToDictionary(change => change.Key, change => change.Value);
    }

    /// <summary>
    /// The alert a period's total moving from <paramref name="before"/> to <paramref name="after"/> raises, if any.
    /// A line is crossed when the total goes from at or below it to above it (equal is not above). When one write
    /// jumps over both lines only the budget alert is raised: a warning in the same breath says nothing more.
    /// </summary>
    public static BudgetAlert? Crossing(BudgetSettings budget, string period, Money before, Money after, DateTimeOffset now)
    {
        foreach (var level in budget.WatchedLevels())
        {
            var line = budget.Threshold(level);
            if (before <= line && after > line)
            {
                return new BudgetAlert(period, level, budget.Amount, budget.PercentOf(level), line, after, now);
            }
        }

        return null;
    }
}
