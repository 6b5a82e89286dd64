using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.Expenses;

/// <summary>The list filters as they arrive in a query string; <see cref="Validate"/> turns them into an <see cref="ExpenseFilter"/>.</summary>
public sealed class ExpenseFilterForm
{
    public const int MaxTextLength = 100;

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Category { get; set; }

    public string? Tag { get; set; }

    /// <summary>Text to find in descriptions.</summary>
    public string? Q { get; set; }

    public bool IsEmpty => new[] { From, To, Category, Tag, Q }.All(string.IsNullOrWhiteSpace);

    /// <summary>The filter to apply, always: parts that do not make sense are left out of it and explained in its errors.</summary>
    public Checked<ExpenseFilter> Validate(IReadOnlyCollection<Category> categories)
    {
        Dictionary<string, string[]> errors = [];
        var from = SupportedDates.Check(From, nameof(From), "The start date", errors);
        var to = SupportedDates.Check(To, nameof(To), "The end date", errors);
        if (from > to)
        {
            errors[nameof(To)] = ["The end date is before the start date."];
            to = null;
        }

        var category = Category is { Length: > 0 } ? categories.FirstOrDefault(candidate => candidate.Id == Category) : null;
        if (Category is { Length: > 0 } && category is null)
        {
            errors[nameof(Category)] = ["That category does not exist."];
        }

        var tag = Expenses.Tags.Normalize(Tag ?? "");
        if (tag.Length > Expenses.Tags.MaxLength)
        {
            errors[nameof(Tag)] = [$"A tag is at most {Expenses.Tags.MaxLength} characters."];
            tag = "";
        }

        var text = (Q ?? "").Trim();
        if (text.Length > MaxTextLength)
        {
            errors[nameof(Q)] = [$"Search for at most {MaxTextLength} characters."];
            text = "";
        }

        return new Checked<ExpenseFilter>(new ExpenseFilter(from, to, category?.Id, tag.Length > 0 ? tag : null, text.Length > 0 ? text : null), errors);
    }

    /// <summary>The filters given, as query-string values, for links that keep them (load more, refreshes); made once.</summary>
    public Dictionary<string, string> RouteData => routeData ??= Given(("from", From), ("to", To), ("category", Category), ("tag", Tag), ("q", Q));

    private Dictionary<string, string>? routeData;

    private static Dictionary<string, string> Given(params (string Name, string? Value)[] values)
    {
        var given = new Dictionary<string, string>(values.Length);
        foreach (var (name, value) in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                given[name] = value.Trim();
            }
        }

        return given;
    }
}
