using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Budgets;

/// <summary>The "Alerts" configuration section: the budget every user starts with until they set their own.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>In rupees.</summary>
    public decimal DefaultBudget { get; set; } = 10_000m;

    public BudgetPeriod DefaultPeriod { get; set; } = BudgetPeriod.CalendarMonth;

    /// <summary>The percentage of the budget that raises a warning; 0 turns warnings off.</summary>
    public int WarningPercent { get; set; } = 80;

    public BudgetSettings DefaultSettings() => new(Money.FromRupees(DefaultBudget), DefaultPeriod, WarningPercent);

    /// <summary>The same rules a person's own budget must follow (see <see cref="BudgetForm"/>).</summary>
    public bool IsValid() =>
        DefaultBudget > 0 && decimal.Round(DefaultBudget, 2) == DefaultBudget && Money.FromRupees(DefaultBudget) <= BudgetSettings.MaxAmount
        && WarningPercent is >= 0 and <= BudgetSettings.MaxWarningPercent && Enum.IsDefined(DefaultPeriod);
}
