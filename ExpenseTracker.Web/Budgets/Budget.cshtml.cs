using ExpenseTracker.Web.Accounts;

namespace ExpenseTracker.Web.Budgets;

/// <summary>The user's budget: amount, period and warning percentage. Through htmx a save answers the settings section.</summary>
public sealed class BudgetModel(IBudgetStore budgets, ICurrentUser user) : PageModel
{
    [BindProperty]
    public BudgetForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input = BudgetForm.From(await budgets.GetAsync(user.UserId, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.Accept(Input.Validate(), nameof(Input), out var settings))
        {
            if (!Request.WantsFragment())
            {
                return Page();
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Partial("_BudgetSettings", this);
        }

        await budgets.SaveAsync(user.UserId, settings, cancellationToken);
        var saved = $"Saved: {settings.Amount} {(settings.Period == BudgetPeriod.AllTime ? "in all" : "a month")}"
            + (settings.WarningPercent > 0 ? $", with a warning at {settings.WarningPercent}%." : ", with no early warning.");
        this.Tell(saved);
        if (!Request.WantsFragment())
        {
            return RedirectToPage();
        }

        Input = BudgetForm.From(settings);
        return Partial("_BudgetSettings", this);
    }
}
