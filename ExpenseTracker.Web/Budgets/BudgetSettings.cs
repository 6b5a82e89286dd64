using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Budgets;

/// <summary>What spending a budget covers: each calendar month on its own, or everything ever spent.</summary>
public enum BudgetPeriod
{
    CalendarMonth,
    AllTime,
}

/// <summary>
/// One user's budget: the amount, the period it covers, and the percentage of it that raises an early warning
/// (0 turns the warning off).
/// </summary>
public sealed record BudgetSettings(Money Amount, BudgetPeriod Period, int WarningPercent)
{
    /// <summary>The largest budget we accept: ₹1 crore, the same cap as a single expense.</summary>
    public static readonly Money MaxAmount = Money.MaxExpense;

    public const int MaxWarningPercent = 99;

    /// <summary>The key of the all-time period, in alerts and their stored items.</summary>
    public const string AllTimeKey = "all";

    /// <summary>The period an expense dated <paramref name="date"/> counts towards: "2026-11", or "all".</summary>
    public string PeriodOf(DateOnly date) => Period == BudgetPeriod.AllTime ? AllTimeKey : MonthKey(date);

    public static string MonthKey(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The line a level is about: the budget itself, or the warning percentage of it (rounded down to a paisa).</summary>
    public Money Threshold(AlertLevel level) => level == AlertLevel.Exceeded ? Amount : new Money(Amount.Paise * WarningPercent / 100);

    public int PercentOf(AlertLevel level) => level == AlertLevel.Exceeded ? 100 : WarningPercent;

    /// <summary>The levels this budget watches, highest line first.</summary>
    public IEnumerable<AlertLevel> WatchedLevels()
    {
        yield return AlertLevel.Exceeded;
        if (WarningPercent > 0)
        {
            yield return AlertLevel.Warning;
        }
    }

    /// <summary>"November 2026" for a month key, "all time" for the all-time key.</summary>
    public static string DescribePeriod(string period) =>
        period == AllTimeKey
            ? "all time"
            : DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
