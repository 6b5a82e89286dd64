using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Receipts;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Deleting one expense. htmx asks for confirmation in the browser and posts here; without JavaScript the
/// Delete link opens this page, which asks the same question with a form.
/// </summary>
public sealed class DeleteModel(IExpenseStore expenses, CategoryCatalog catalog, ExpenseReceipts receipts, ICurrentUser user) : PageModel
{
    public ExpenseRow? Row { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var expense = await expenses.FindAsync(user.UserId, id, cancellationToken);
        if (expense is null)
        {
            return NotFound();
        }

        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        Row = new ExpenseRow(expense, categories.FirstOrDefault(category => category.Id == expense.CategoryId)?.Name ?? expense.CategoryId, []);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await expenses.DeleteAsync(user.UserId, id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        // Set aside, not destroyed: undoing the delete attaches them again (ExpenseReceipts.RestoreAsync).
        await receipts.DetachAsync(user.UserId, id, cancellationToken);

        if (!Request.WantsFragment())
        {
            TempData["Flash"] = "Expense deleted.";
            return RedirectToPage("/Expenses/Index");
        }

        // The row swaps itself out for this empty response; totals and charts refresh on the event.
        Response.TriggerEvents(HtmxEvents.ExpensesChanged);
        return Content("", "text/html");
    }
}
