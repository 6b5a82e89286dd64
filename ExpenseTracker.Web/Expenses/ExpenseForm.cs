using System.ComponentModel;
using System.Text.Json.Serialization;
using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// An expense as a person (or a script) sends it: every value as text, checked here and nowhere else.
/// The page forms bind to this type and the JSON API to <see cref="ExpenseRequest"/>, which is one; both call
/// <see cref="Validate"/>. The descriptions and converters are for JSON clients: a number for the amount, an array for tags.
/// </summary>
public class ExpenseForm
{
    public const int MaxDescriptionLength = 200;

    /// <summary>Rupees as typed ("1499.50", "1,499.50", or a sum such as "120+45.50"); at most two decimals.</summary>
    [JsonConverter(typeof(AmountTextConverter))]
    [Description("Rupees as a string (\"1499.50\", \"1,499.50\", or a sum such as \"120+45.50\") or a JSON number (1499.5); more than two decimals is a validation error.")]
    public string? Amount { get; set; }

    /// <summary>ISO date (yyyy-MM-dd), as an HTML date input sends it.</summary>
    [Description("The day of the expense, yyyy-MM-dd.")]
    public string? Date { get; set; }

    [Description("The id of one of the user's categories (\"food\", \"transport\", ...).")]
    public string? CategoryId { get; set; }

    [Description("Optional, at most 200 characters.")]
    public string? Description { get; set; }

    /// <summary>Comma-separated, as typed (JSON clients may send an array).</summary>
    [JsonConverter(typeof(TagsTextConverter))]
    [Description("An array of strings ([\"work\", \"trip\"]) or one comma-separated string (\"work, trip\"); at most 10 tags of 30 characters.")]
    public string? Tags { get; set; }

    public static ExpenseForm For(DateOnly today) => new() { Date = FormatDate(today), CategoryId = BuiltInCategories.OtherId };

    public static ExpenseForm From(Expense expense) => new()
    {
        Amount = expense.Amount.ToInvariantString(),
        Date = FormatDate(expense.Date),
        CategoryId = expense.CategoryId,
        Description = expense.Description,
        Tags = Expenses.Tags.Join(expense.Tags),
    };

    public static string FormatDate(DateOnly date) => SupportedDates.Format(date);

    /// <summary>Checks every rule: the draft to store, or one message per field (keyed by the property names above).</summary>
    public Checked<ExpenseDraft> Validate(IReadOnlyCollection<Category> categories, DateOnly today)
    {
        Dictionary<string, string[]> errors = [];
        var amount = ValidateAmount(errors);
        var date = ValidateDate(today, errors);
        var category = categories.FirstOrDefault(candidate => candidate.Id == CategoryId);
        if (category is null)
        {
            errors[nameof(CategoryId)] = [string.IsNullOrWhiteSpace(CategoryId) ? "Choose a category." : "Choose one of the listed categories."];
        }

        var description = (Description ?? "").Trim();
        if (description.Length > MaxDescriptionLength)
        {
            errors[nameof(Description)] = [$"Keep the description to {MaxDescriptionLength} characters (it has {description.Length})."];
        }
        else if (description.Any(character => char.IsControl(character) && character is not '\n' and not '\r' and not '\t'))
        {
            errors[nameof(Description)] = ["The description contains characters that cannot be stored."];
        }

        var tags = Expenses.Tags.Parse(Tags);
        if (Expenses.Tags.Problem(tags) is { } tagProblem)
        {
            errors[nameof(Tags)] = [tagProblem];
        }

        return Checked<ExpenseDraft>.Of(() => new ExpenseDraft(date!.Value, amount!.Value, category!.Id, description, tags), errors);
    }

    private Money? ValidateAmount(Dictionary<string, string[]> errors) =>
        AmountText.Check(Amount, Money.MaxExpense, nameof(Amount), errors, "amount", "250 or 1,499.50");

    /// <summary>A day in the supported range and at most a year after today: a later date is almost always a typo.</summary>
    private DateOnly? ValidateDate(DateOnly today, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(Date))
        {
            errors[nameof(Date)] = ["Enter the date of the expense."];
            return null;
        }

        return SupportedDates.Check(Date, nameof(Date), "The date", errors, latest: SupportedDates.AddMonthsWithin(today, 12));
    }
}
