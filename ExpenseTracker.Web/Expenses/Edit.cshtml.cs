using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Hosting;
using ExpenseTracker.Web.Receipts;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Editing one expense: inline in the table through htmx (the row becomes <c>_EditRow</c>), or as a page of its own
/// without JavaScript. Both post here, with any receipts to add.
/// </summary>
[RequestBodyLimit(ReceiptUploadLimits.FormBytes)]
public sealed class EditModel(IExpenseStore expenses, CategoryCatalog catalog, ExpenseReceipts receipts, ICurrentUser user, AppClock clock)
    : PageModel, IExpenseFormPage
{
    [BindProperty]
    public ExpenseForm Input { get; set; } = new();

    [BindProperty]
    public ReceiptsInput Attachments { get; set; } = new();

    public ReceiptField ReceiptField { get; private set; } = new("edit", [], [], null);

    /// <summary>The version the form was opened at; a save against a newer version is a conflict.</summary>
    [BindProperty]
    public int Version { get; set; }

    public string Id { get; private set; } = "";

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public string FieldIdPrefix => $"edit-{Id}";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var expense = await FindAsync(id, cancellationToken);
        if (expense is null)
        {
            return NotFound();
        }

        Input = ExpenseForm.From(expense);
        Version = expense.Version;
        ReceiptField = await ReceiptFieldAsync([], cancellationToken);
        return Request.WantsFragment() ? Partial("_EditRow", this) : Page();
    }

    /// <summary>The plain row again: what Cancel swaps back in.</summary>
    public async Task<IActionResult> OnGetRowAsync(string id, CancellationToken cancellationToken)
    {
        var expense = await FindAsync(id, cancellationToken);
        return expense is null ? NotFound() : Partial("_ExpenseRows", new[] { await RowAsync(expense, cancellationToken) });
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            // A blank id (the binder leaves it null) names no expense: not found, rather than a form that cannot be saved.
            return NotFound();
        }

        Id = id;
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        if (await expenses.FindAsync(user.UserId, id, cancellationToken) is null)
        {
            return NotFound();
        }

        var attached = await AttachedAsync(cancellationToken);
        var uploads = await receipts.ReceiveAsync(user.UserId, Attachments.Ids, Request.Form.Files.GetFiles(ReceiptField.FilesName), attached.Count, cancellationToken);
        ReceiptField = await ReceiptFieldAsync(uploads.Pending, cancellationToken);
        if (uploads.Error is { } refused)
        {
            ModelState.AddModelError(ReceiptField.FilesName, refused);
        }

        if (ModelState.GetFieldValidationState(nameof(Version)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // The hidden version field was changed by hand: say so in words rather than with the binder's message.
            ModelState.Remove(nameof(Version));
            Problem = "This form's version is not a number we gave it, so it was not saved. Reload the expense and edit it again.";
            return FormAgain(StatusCodes.Status422UnprocessableEntity);
        }

        if (!ModelState.Accept(Input.Validate(Categories, clock.Today), nameof(Input), out var draft))
        {
            return FormAgain(StatusCodes.Status422UnprocessableEntity);
        }

        Expense saved;
        IReadOnlyList<BudgetAlert> alerts;
        try
        {
            (saved, alerts) = await expenses.UpdateAsync(user.UserId, id, Version, draft, cancellationToken);
            await receipts.AttachAsync(user.UserId, id, uploads.Pending, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConcurrencyConflictException conflict)
        {
            Problem = conflict.Message;
            return FormAgain(StatusCodes.Status409Conflict);
        }

        var row = await RowAsync(saved, cancellationToken);
        this.Tell($"Saved {saved.Amount} on {row.DateText}.");
        if (!Request.WantsFragment())
        {
            AlertBanner.Remember(TempData, alerts);
            return RedirectToPage("/Expenses/Index");
        }

        Response.TriggerEvents(HtmxEvents.ExpensesChanged);
        return Partial("_SavedRow", new SavedRow(row, alerts));
    }

    private IActionResult FormAgain(int status)
    {
        if (Request.WantsFragment())
        {
            Response.StatusCode = status;
            return Partial("_EditRow", this);
        }

        // Without JavaScript a 200 is what browsers show best; the form says what went wrong.
        return Page();
    }

    private async Task<Expense?> FindAsync(string id, CancellationToken cancellationToken)
    {
        Id = id;
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        return await expenses.FindAsync(user.UserId, id, cancellationToken);
    }

    private async Task<ExpenseRow> RowAsync(Expense expense, CancellationToken cancellationToken) =>
        new(expense, Categories.FirstOrDefault(category => category.Id == expense.CategoryId)?.Name ?? expense.CategoryId, await AttachedAsync(cancellationToken));

    private async Task<IReadOnlyList<Receipt>> AttachedAsync(CancellationToken cancellationToken) =>
        (await receipts.ListAttachedAsync(user.UserId, [Id], cancellationToken)).GetValueOrDefault(Id) ?? [];

    private async Task<ReceiptField> ReceiptFieldAsync(IReadOnlyList<Receipt> pending, CancellationToken cancellationToken) =>
        new(FieldIdPrefix, await AttachedAsync(cancellationToken), pending, receipts.DirectUploads is null ? null : Url.Page("/Receipts/Uploads"));
}
