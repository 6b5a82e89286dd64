using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Hosting;
using ExpenseTracker.Web.Receipts;

namespace ExpenseTracker.Web.Expenses;

/// <summary>The home page: add an expense with its receipts, filter the list, page through it, see the count and total.</summary>
[RequestBodyLimit(ReceiptUploadLimits.FormBytes)]
public sealed class IndexModel(IExpenseStore expenses, CategoryCatalog catalog, ExpenseReceipts receipts, ICurrentUser user, AppClock clock)
    : PageModel, IExpenseFormPage
{
    public const int PageSize = 25;

    private IReadOnlyDictionary<string, IReadOnlyList<Receipt>> rowReceipts = new Dictionary<string, IReadOnlyList<Receipt>>();

    [BindProperty]
    public ExpenseForm Input { get; set; } = new();

    [BindProperty]
    public ReceiptsInput Attachments { get; set; } = new();

    public ReceiptField ReceiptField { get; private set; } = new("add", [], [], null);

    public ExpenseFilterForm Filter { get; private set; } = new();

    public IReadOnlyDictionary<string, string[]> FilterErrors { get; private set; } = new Dictionary<string, string[]>();

    public string? Cursor { get; private set; }

    public ExpensePage Expenses { get; private set; } = new([], null);

    public ExpenseTotals Totals { get; private set; } = ExpenseTotals.Empty;

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public string FieldIdPrefix => "add";

    /// <summary>The budget alerts the add raised: the htmx response carries them to the banner out of band.</summary>
    public IReadOnlyList<BudgetAlert> RaisedAlerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] ExpenseFilterForm filter, string? cursor, CancellationToken cancellationToken)
    {
        Input = ExpenseForm.For(clock.Today);
        ReceiptField = NewReceiptField([]);
        await LoadListAsync(filter, cursor, cancellationToken);
        // A filter change through htmx swaps the filters and the list, not the page.
        return Request.WantsFragment() ? Partial("_ExpenseBrowser", this) : Page();
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
        Totals = await expenses.GetTotalsAsync(user.UserId, filter.Validate(Categories).Value!, cancellationToken);
        return Partial("_Totals", this);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        var uploads = await receipts.ReceiveAsync(user.UserId, Attachments.Ids, Request.Form.Files.GetFiles(ReceiptField.FilesName), 0, cancellationToken);
        ReceiptField = NewReceiptField(uploads.Pending);
        if (uploads.Error is { } refused)
        {
            ModelState.AddModelError(ReceiptField.FilesName, refused);
        }

        if (!ModelState.Accept(Input.Validate(Categories, clock.Today), nameof(Input), out var draft))
        {
            if (Request.WantsFragment())
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Partial("_AddForm", this);
            }

            await LoadListAsync(new ExpenseFilterForm(), null, cancellationToken);
            return Page();
        }

        var (expense, alerts) = await expenses.AddAsync(user.UserId, draft, cancellationToken);
        await receipts.AttachAsync(user.UserId, expense.Id, uploads.Pending, cancellationToken);
        this.Tell($"Added {expense.Amount} for {CategoryName(expense.CategoryId)}"
            + (uploads.Pending.Count > 0 ? $" with {uploads.Pending.Count} receipt{(uploads.Pending.Count == 1 ? "" : "s")}." : "."));
        if (!Request.WantsFragment())
        {
            AlertBanner.Remember(TempData, alerts);
            return RedirectToPage();
        }

        Response.TriggerEvents(HtmxEvents.ExpenseAdded, HtmxEvents.ExpensesChanged);
        // A fresh form that keeps the date and category: people often enter several expenses of one day in a row.
        ModelState.Clear();
        Input = new ExpenseForm { Date = Input.Date, CategoryId = Input.CategoryId };
        ReceiptField = NewReceiptField([]);
        RaisedAlerts = alerts;
        return Partial("_AddForm", this);
    }

    /// <summary>The receipts of a listed expense.</summary>
    public IReadOnlyList<Receipt> ReceiptsOf(string expenseId) => rowReceipts.GetValueOrDefault(expenseId) ?? [];

    public string CategoryName(string categoryId) =>
        Categories.FirstOrDefault(category => category.Id == categoryId)?.Name ?? categoryId;

    /// <summary>The query of the page after this one (the filters and the cursor), or null on the last page.</summary>
    public Dictionary<string, string>? NextPageRouteData() =>
        Expenses.NextCursor is { } next ? new Dictionary<string, string>(Filter.RouteData) { ["cursor"] = next } : null;

    private async Task LoadListAsync(ExpenseFilterForm filter, string? cursor, CancellationToken cancellationToken, bool withTotals = true)
    {
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        Filter = filter;
        Cursor = string.IsNullOrEmpty(cursor) ? null : cursor;
        var criteria = filter.Validate(Categories);
        FilterErrors = criteria.Errors;
        Expenses = await expenses.ListAsync(user.UserId, criteria.Value!, Cursor, PageSize, cancellationToken);
        // The receipts of the listed rows in one read, while the totals are read.
        var listed = receipts.ListAttachedAsync(user.UserId, [.. Expenses.Items.Select(expense => expense.Id)], cancellationToken);
        if (withTotals)
        {
            Totals = await expenses.GetTotalsAsync(user.UserId, criteria.Value!, cancellationToken);
        }

        rowReceipts = await listed;
    }

    private ReceiptField NewReceiptField(IReadOnlyList<Receipt> pending) =>
        new(FieldIdPrefix, [], pending, receipts.DirectUploads is null ? null : Url.Page("/Receipts/Uploads"));
}
