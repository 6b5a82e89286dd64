using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpenseTracker.Web.Budgets;

/// <summary>The user's budget: amount, period and warning percentage. A save redirects back here; htmx swaps the section.</summary>
public sealed class BudgetModel(IBudgetStore budgets, ICurrentUser user) : PageModel
{
    [BindProperty]
    public BudgetForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input = BudgetForm.From(await budgets.GetAsync(user.UserId, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var settings = Input.Validate(out var errors);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", messages[0]);
        }

        if (settings is null || !ModelState.IsValid)
        {
            if (Request.IsHtmx())
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return Page();
        }

        await budgets.SaveAsync(user.UserId, settings, cancellationToken);
        TempData["Flash"] = $"Saved: {settings.Amount} {(settings.Period == BudgetPeriod.AllTime ? "in all" : "a month")}"
            + (settings.WarningPercent > 0 ? $", with a warning at {settings.WarningPercent}%." : ", with no early warning.");
        return RedirectToPage();
    }
}
