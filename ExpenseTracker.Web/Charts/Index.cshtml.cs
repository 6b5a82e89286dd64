using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Charts;

/// <summary>
/// Where the money goes: summary cards, spending by category (bar and doughnut), per day and per month, each chart with
/// a table of the same numbers. The server renders the cards and tables (so the page works without JavaScript);
/// the charts fetch the summary JSON. A filter change swaps the whole section through htmx.
/// </summary>
public sealed class IndexModel(SpendingSummaries summaries, CategoryCatalog catalog, ICurrentUser user, AppClock clock) : PageModel
{
    public ChartsFilterForm Filter { get; private set; } = new();

    public IReadOnlyDictionary<string, string[]> FilterErrors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public SummaryRange Range { get; private set; } = null!;

    public SummaryRange MonthlyRange { get; private set; } = null!;

    public SpendingSummary<CategorySpending> ByCategory { get; private set; } = null!;

    public SpendingSummary<DaySpending> ByDay { get; private set; } = null!;

    public SpendingSummary<MonthSpending> ByMonth { get; private set; } = null!;

    public SummaryCards Cards { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ChartsFilterForm filter, CancellationToken cancellationToken)
    {
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        Filter = filter;
        var today = clock.Today;
        var range = filter.Validate(Categories, today);
        FilterErrors = range.Errors;
        // Filters that cannot be used are explained beside the form; the charts show this month meanwhile.
        Range = range.Value ?? new ChartsFilterForm().Validate(Categories, today).Value!;
        MonthlyRange = ChartsFilterForm.MonthlyRangeFor(Range);
        ByCategory = await summaries.ByCategoryAsync(user.UserId, Range, Categories, cancellationToken);
        ByDay = await summaries.ByDayAsync(user.UserId, Range, cancellationToken);
        ByMonth = await summaries.ByMonthAsync(user.UserId, MonthlyRange, cancellationToken);
        Cards = await summaries.CardsAsync(user.UserId, ByCategory, today, cancellationToken);
        // A filter change through htmx swaps the filters and the figures, not the page.
        return Request.WantsFragment() ? Partial("_Insights", this) : Page();
    }

    /// <summary>The expense page's compact category chart, reloaded by htmx after every change to an expense.</summary>
    public IActionResult OnGetCategoryChart([FromQuery] ExpenseFilterForm filter) =>
        new ViewComponentResult { ViewComponentName = CategoryChartViewComponent.Name, Arguments = new { filter } };

    public string DataUrl(SummaryKind kind) => SummaryEndpoints.UrlFor(kind, kind == SummaryKind.ByMonth ? MonthlyRange : Range);

    public string? FilterError(string field) => FilterErrors.GetValueOrDefault(field)?.FirstOrDefault();

    public string? CategoryName(string? id) => id is null ? null : Categories.FirstOrDefault(category => category.Id == id)?.Name ?? id;
}
