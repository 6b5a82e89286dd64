using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Clock;

namespace ExpenseTracker.Web.Budgets;

/// <summary>The alerts recorded so far, newest first, and how much of the budget this period has used.</summary>
public sealed class AlertsModel(IAlertStore alerts, BudgetOverview overview, ICurrentUser user, AppClock clock) : PageModel
{
    /// <summary>Two alerts a month at most: this is years of them.</summary>
    public const int MaxListed = 200;

    public IReadOnlyList<BudgetAlert> Alerts { get; private set; } = [];

    public BudgetProgress Progress { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Progress = await overview.GetProgressAsync(user.UserId, cancellationToken);
        Alerts = await alerts.ListAsync(user.UserId, MaxListed, cancellationToken);
    }

    /// <summary>The progress card alone: what the expense page loads and refreshes after every change.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken) =>
        Partial("_BudgetProgress", await overview.GetProgressAsync(user.UserId, cancellationToken));

    public string When(BudgetAlert alert) => clock.ToLocal(alert.CreatedAt).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
