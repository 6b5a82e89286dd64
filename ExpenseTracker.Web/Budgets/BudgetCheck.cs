using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Budgets;

/// <summary>
/// Whether a write crossed a budget line: pure rules, the same for every store. A store says how much each month's
/// spending changed and what the raised periods' totals were before the write; this decides what crossed.
/// </summary>
public static class BudgetCheck
{
    /// <summary>
    /// The periods whose total a write raised ("2026-11", or "all" under an all-time budget), with the rise in paise.
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

    /// <summary>The alerts of the <paramref name="raised"/> periods, from each one's total before the write (absent: nothing).</summary>
    public static IReadOnlyList<BudgetAlert> Crossings(
        BudgetSettings budget, IReadOnlyDictionary<string, long> raised, IReadOnlyDictionary<string, Money> totalsBefore, DateTimeOffset now)
    {
        var alerts = new List<BudgetAlert>();
        foreach (var (period, rise) in raised)
        {
            var before = totalsBefore.GetValueOrDefault(period, Money.Zero);
            if (Crossing(budget, period, before, before + new Money(rise), now) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        return alerts;
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
