using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Charts;

/// <summary>
/// The compact spending-by-category chart of the expense page, for the list's date range (the current month when
/// none is set), category and tag. It reloads itself, through htmx, whenever an expense is added, changed or deleted.
/// </summary>
public sealed class CategoryChartViewComponent(SpendingSummaries summaries, CategoryCatalog catalog, ICurrentUser user, AppClock clock) : ViewComponent
{
    public const string Name = "CategoryChart";

    /// <summary>Beside this component, in the feature's folder, rather than under a shared Components folder.</summary>
    private const string ViewPath = "/Charts/_CategoryChart.cshtml";

    /// <param name="categories">The user's categories when the caller has them already (the expense page does), so
    /// that the page does not ask the store for them twice.</param>
    public async Task<IViewComponentResult> InvokeAsync(ExpenseFilterForm filter, IReadOnlyList<Category>? categories = null)
    {
        var cancellationToken = HttpContext.RequestAborted;
        categories ??= await catalog.ListAsync(user.UserId, cancellationToken);
        var query = new SummaryQuery { From = filter.From, To = filter.To, Category = filter.Category, Tag = filter.Tag };
        var check = query.Validate(SummaryKind.ByCategory, categories, clock.Today);
        if (check.Value is not { } range)
        {
            return View(ViewPath, new CategoryChartModel(null, check.Errors.Values.First()[0], filter.RouteData, null, null));
        }

        var summary = await summaries.ByCategoryAsync(user.UserId, range, categories, cancellationToken);
        var charts = new Dictionary<string, string>
        {
            ["preset"] = ChartsFilterForm.Custom,
            ["from"] = ExpenseForm.FormatDate(range.From),
            ["to"] = ExpenseForm.FormatDate(range.To),
        };
        if (range.CategoryId is { } category)
        {
            charts["category"] = category;
        }

        if (range.Tag is { } tag)
        {
            charts["tag"] = tag;
        }

        return View(ViewPath, new CategoryChartModel(summary, null, filter.RouteData, SummaryEndpoints.UrlFor(SummaryKind.ByCategory, range), charts));
    }
}

/// <param name="Summary">Null when the list's filters cannot make a summary; <paramref name="Problem"/> says why.</param>
/// <param name="Filter">The list's filters, with which htmx reloads the component after a change.</param>
/// <param name="DataUrl">The JSON the chart draws.</param>
/// <param name="Charts">The query of the charts page for the same range and filters.</param>
public sealed record CategoryChartModel(
    SpendingSummary<CategorySpending>? Summary, string? Problem, Dictionary<string, string> Filter, string? DataUrl, Dictionary<string, string>? Charts);
