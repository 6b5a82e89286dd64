namespace ExpenseTracker.Web.Budgets;

public enum AlertLevel
{
    /// <summary>Spending passed the warning percentage of the budget.</summary>
    Warning,

    /// <summary>Spending passed the budget.</summary>
    Exceeded,
}

/// <summary>
/// A recorded crossing: in <see cref="Period"/> a write moved the total from at or below <see cref="Threshold"/>
/// to above it. There is at most one per user and <see cref="Key"/>: the same line crossed again in the same
/// period (after dropping below it) is not a new alert; a new period or another budget amount is.
/// </summary>
public sealed record BudgetAlert(
    string Period,
    AlertLevel Level,
    Expenses.Money Budget,
    int Percent,
    Expenses.Money Threshold,
    Expenses.Money Total,
    DateTimeOffset CreatedAt)
{
    /// <summary>What makes the alert unique for its user: period, level, budget amount (paise) and percentage.</summary>
    public string Key => $"{Period}#{Level}#{Budget.Paise}#{Percent}";

    public string PeriodText => BudgetSettings.DescribePeriod(Period);

    /// <summary>The sentence shown in the app, written to the log and sent by email.</summary>
    public string Message
    {
        get
        {
            var spending = Period == BudgetSettings.AllTimeKey ? "your spending so far" : $"your spending for {PeriodText}";
            return Level == AlertLevel.Exceeded
                ? $"Budget alert: {spending} is {Total}, above your {Budget} budget."
                : $"Budget warning: {spending} is {Total}, above {Percent}% of your {Budget} budget.";
        }
    }
}

/// <summary>An alert waiting in the outbox, with the user it belongs to.</summary>
public sealed record PendingAlert(string UserId, BudgetAlert Alert);
