using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Deleting one expense, and taking the delete back. Through htmx a delete needs no confirmation: the row goes at once
/// and the flash message offers Undo for the bin's window (<see cref="ExpenseBin"/>). Without JavaScript the Delete link
/// opens this page, which asks first with a form; the message after it offers Undo as a form too. Receipts go into the
/// bin and come back with their expense (<see cref="IDeletedExpenseHandler"/>).
/// </summary>
public sealed class DeleteModel(ExpenseBin bin, IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user) : PageModel
{
    public ExpenseRow? Row { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var expense = await expenses.FindAsync(user.UserId, id, cancellationToken);
        if (expense is null)
        {
            return NotFound();
        }

        Row = await RowAsync(expense, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        Expense deleted;
        try
        {
            deleted = await bin.DeleteAsync(user.UserId, id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var row = await RowAsync(deleted, cancellationToken);
        var seconds = (int)Math.Ceiling(bin.UndoWindow.TotalSeconds);
        this.Tell(new FlashMessage($"Deleted {deleted.Amount} {row.CategoryName}", UndoUrl: Url.Page("/Expenses/Delete", "Restore", new { id }), Seconds: seconds));
        if (!Request.WantsFragment())
        {
            return RedirectToPage("/Expenses/Index");
        }

        // The row swaps itself out for this empty response; totals and charts refresh on the event.
        Response.TriggerEvents(HtmxEvents.ExpensesChanged);
        return Content("", "text/html");
    }

    /// <summary>Undo: the expense back from the bin with its id, tags and totals; the list reloads as after an add.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(string id, CancellationToken cancellationToken)
    {
        ExpenseWrite restored;
        try
        {
            restored = await bin.RestoreAsync(user.UserId, id, cancellationToken);
        }
        catch (NotFoundException exception)
        {
            // Too late, restored already (a second click) or never deleted: nothing changes, and the message says why
            // (beside the list through htmx; on the not-found page without it).
            if (!Request.WantsFragment())
            {
                HttpContext.Items[Storage.StoreExceptionHandler.ErrorDetailKey] = exception.Message;
                return NotFound();
            }

            this.Tell(new FlashMessage(exception.Message, FlashKind.Warning));
            return Content("", "text/html");
        }

        var row = await RowAsync(restored.Expense, cancellationToken);
        this.Tell($"Brought back {restored.Expense.Amount} {row.CategoryName} of {row.DateText}.");
        if (!Request.WantsFragment())
        {
            AlertBanner.Remember(TempData, restored.Alerts);
            return RedirectToPage("/Expenses/Index");
        }

        Response.TriggerEvents(HtmxEvents.ExpenseAdded, HtmxEvents.ExpensesChanged);
        return restored.Alerts.Count > 0
            ? Partial("/Budgets/_BudgetAlert.cshtml", AlertBanner.Of(restored.Alerts, outOfBand: true))
            : Content("", "text/html");
    }

    private async Task<ExpenseRow> RowAsync(Expense expense, CancellationToken cancellationToken)
    {
        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        return new ExpenseRow(expense, categories.FirstOrDefault(category => category.Id == expense.CategoryId)?.Name ?? expense.CategoryId, []);
    }
}
