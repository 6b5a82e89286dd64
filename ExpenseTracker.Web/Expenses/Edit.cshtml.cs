using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Editing one expense: inline in the table through htmx (the row becomes <c>_EditRow</c>), or as a page of its own
/// without JavaScript. Both post here.
/// </summary>
public sealed class EditModel(IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user, AppClock clock) : PageModel, IExpenseFormPage
{
    [BindProperty]
    public ExpenseForm Input { get; set; } = new();

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
        return Request.WantsFragment() ? Partial("_EditRow", this) : Page();
    }

    /// <summary>The plain row again: what Cancel swaps back in.</summary>
    public async Task<IActionResult> OnGetRowAsync(string id, CancellationToken cancellationToken)
    {
        var expense = await FindAsync(id, cancellationToken);
        return expense is null ? NotFound() : Partial("_ExpenseRows", new[] { Row(expense) });
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        Id = id;
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        if (!ModelState.Accept(Input.Validate(Categories, clock.Today), nameof(Input), out var draft))
        {
            return FormAgain(StatusCodes.Status422UnprocessableEntity);
        }

        Expense saved;
        IReadOnlyList<BudgetAlert> alerts;
        try
        {
            (saved, alerts) = await expenses.UpdateAsync(user.UserId, id, Version, draft, cancellationToken);
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

        if (!Request.WantsFragment())
        {
            TempData["Flash"] = $"Saved {saved.Amount} on {Row(saved).DateText}.";
            AlertBanner.Remember(TempData, alerts);
            return RedirectToPage("/Expenses/Index");
        }

        Response.TriggerEvents(HtmxEvents.ExpensesChanged);
        return Partial("_SavedRow", new SavedRow(Row(saved), alerts));
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

    private ExpenseRow Row(Expense expense) =>
        new(expense, Categories.FirstOrDefault(category => category.Id == expense.CategoryId)?.Name ?? expense.CategoryId);
}
