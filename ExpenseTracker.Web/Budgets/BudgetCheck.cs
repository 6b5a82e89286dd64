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
    /// For each line a rise of <paramref name="rise"/> paise can cross, the totals before it under which it does:
    /// (line − rise, line]. Which of these windows hold the total before the write is all that <see cref="Crossing"/>
    /// decides from, so a store that cannot read and change a total in one step may guard its write on the windows
    /// instead of on the exact total: writes far from every line then never cancel each other.
    /// </summary>
    public static IReadOnlyList<CrossingWindow> CrossingWindows(BudgetSettings budget, long rise) =>
        [.. budget.WatchedLevels().Select(level => budget.Threshold(level).Paise).Select(line => new CrossingWindow(line - rise, line))];

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

/// <summary>The totals (in paise) above <see cref="Above"/> and at most <see cref="AtMost"/>.</summary>
public sealed record CrossingWindow(long Above, long AtMost)
{
    public bool Contains(long paise) => paise > Above && paise <= AtMost;
}
