using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Budgets;

/// <summary>The budget settings as a person types them: every value as text, checked here and nowhere else.</summary>
public sealed class BudgetForm
{
    public string? Amount { get; set; }

    /// <summary>A <see cref="BudgetPeriod"/> name.</summary>
    public string? Period { get; set; }

    public string? WarningPercent { get; set; }

    public static BudgetForm From(BudgetSettings settings) => new()
    {
        Amount = settings.Amount.ToInvariantString(),
        Period = settings.Period.ToString(),
        WarningPercent = settings.WarningPercent.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The settings to save, or one message per field (keyed by the property names above).</summary>
    public Checked<BudgetSettings> Validate()
    {
        Dictionary<string, string[]> errors = [];
        var amount = AmountText.Check(Amount, BudgetSettings.MaxAmount, nameof(Amount), errors, "budget", "10000 or 12,500.50");

        // Exact names only: Enum.TryParse would also take "1" or "alltime".
        var period = Enum.GetValues<BudgetPeriod>().Select(value => (BudgetPeriod?)value).FirstOrDefault(value => value.ToString() == Period);
        if (period is null)
        {
            errors[nameof(Period)] = ["Choose a month or all time."];
        }

        if (!int.TryParse(WarningPercent?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            || percent > BudgetSettings.MaxWarningPercent)
        {
            errors[nameof(WarningPercent)] = [$"Enter a whole number from 0 to {BudgetSettings.MaxWarningPercent} (0 turns the warning off)."];
        }

        return Checked<BudgetSettings>.Of(() => new BudgetSettings(amount!.Value, period!.Value, percent), errors);
    }
}
