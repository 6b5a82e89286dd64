using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// The filters a JSON endpoint takes in its query string (/api/expenses, /api/summaries), named and checked as the
/// expense page's filters are (<see cref="ExpenseFilterForm"/>).
/// </summary>
public abstract class FilterQuery
{
    /// <summary>First day (inclusive), yyyy-MM-dd.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>Last day (inclusive), yyyy-MM-dd.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>Only this category (its id).</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    /// <summary>Only expenses with this tag.</summary>
    [FromQuery(Name = "tag")]
    public string? Tag { get; set; }

    /// <summary>The filter these parameters (and <paramref name="text"/>, to find in descriptions) make, or why they make none.</summary>
    protected Checked<ExpenseFilter> ValidateFilter(IReadOnlyCollection<Category> categories, string? text = null) =>
        new ExpenseFilterForm { From = From, To = To, Category = Category, Tag = Tag, Q = text }.Validate(categories);
}
