using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpenseTracker.Web.Expenses;

/// <summary>The home page: add an expense, filter the list, page through it, see the count and total.</summary>
public sealed class IndexModel(IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user, AppClock clock) : PageModel, IExpenseFormPage
{
    public const int PageSize = 25;

    [BindProperty]
    public ExpenseForm Input { get; set; } = new();

    public ExpenseFilterForm Filter { get; private set; } = new();

    public Dictionary<string, string[]> FilterErrors { get; private set; } = [];

    public string? Cursor { get; private set; }

    public ExpensePage Expenses { get; private set; } = new([], null);

    public ExpenseTotals Totals { get; private set; } = ExpenseTotals.Empty;

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public string FieldIdPrefix => "add";

    /// <summary>Shown above the add form after a successful add.</summary>
    public string? AddedMessage { get; private set; }

    /// <summary>The budget alerts the add raised: the htmx response carries them to the banner out of band.</summary>
    public IReadOnlyList<BudgetAlert> RaisedAlerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] ExpenseFilterForm filter, string? cursor, CancellationToken cancellationToken)
    {
        Input = ExpenseForm.For(clock.Today);
        await LoadListAsync(filter, cursor, cancellationToken);
        return Page();
    }

    /// <summary>The rows of one page plus the "Load more" row: for "Load more" and for reloading the list after an add.</summary>
    public async Task<IActionResult> OnGetRowsAsync([FromQuery] ExpenseFilterForm filter, string? cursor, CancellationToken cancellationToken)
    {
        await LoadListAsync(filter, cursor, cancellationToken, withTotals: false);
        return Partial("_Rows", this);
    }

    public async Task<IActionResult> OnGetTotalsAsync([FromQuery] ExpenseFilterForm filter, CancellationToken cancellationToken)
    {
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        Filter = filter;
        Totals = await expenses.GetTotalsAsync(user.UserId, filter.Validate(Categories, out _), cancellationToken);
        return Partial("_Totals", this);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        var draft = Input.Validate(Categories, clock.Today, out var errors);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", messages[0]);
        }

        if (draft is null || !ModelState.IsValid)
        {
            if (Request.IsHtmx())
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Partial("_AddForm", this);
            }

            await LoadListAsync(new ExpenseFilterForm(), null, cancellationToken);
            return Page();
        }

        var (expense, alerts) = await expenses.AddAsync(user.UserId, draft, cancellationToken);
        var message = $"Added {expense.Amount} for {CategoryName(expense.CategoryId)}.";
        if (!Request.IsHtmx())
        {
            TempData["Flash"] = message;
            AlertBanner.Remember(TempData, alerts);
            return RedirectToPage();
        }

        Response.TriggerHtmxEvents(HtmxEvents.ExpenseAdded, HtmxEvents.ExpensesChanged);
        // A fresh form that keeps the date and category: people often enter several expenses of one day in a row.
        ModelState.Clear();
        Input = new ExpenseForm { Date = Input.Date, CategoryId = Input.CategoryId };
        AddedMessage = message;
        RaisedAlerts = alerts;
        return Partial("_AddForm", this);
    }

    public string CategoryName(string categoryId) =>
        Categories.FirstOrDefault(category => category.Id == categoryId)?.Name ?? categoryId;

    /// <summary>The URL of the page after this one, as a plain link (<paramref name="handler"/> null) or for htmx.</summary>
    public string? NextPageUrl(string? handler)
    {
        if (Expenses.NextCursor is null)
        {
            return null;
        }

        var values = Filter.ToRouteValues();
        values["cursor"] = Expenses.NextCursor;
        return Url.Page("/Expenses/Index", handler, values);
    }

    public string? TotalsUrl() => Url.Page("/Expenses/Index", "Totals", Filter.ToRouteValues());

    public string? RowsUrl() => Url.Page("/Expenses/Index", "Rows", Filter.ToRouteValues());

    private async Task LoadListAsync(ExpenseFilterForm filter, string? cursor, CancellationToken cancellationToken, bool withTotals = true)
    {
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        Filter = filter;
        Cursor = string.IsNullOrEmpty(cursor) ? null : cursor;
        var criteria = filter.Validate(Categories, out var errors);
        FilterErrors = errors;
        Expenses = await expenses.ListAsync(user.UserId, criteria, Cursor, PageSize, cancellationToken);
        if (withTotals)
        {
            Totals = await expenses.GetTotalsAsync(user.UserId, criteria, cancellationToken);
        }
    }
}
