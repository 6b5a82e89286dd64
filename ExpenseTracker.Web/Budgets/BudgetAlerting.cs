using Microsoft.Extensions.Logging.Abstractions;

namespace ExpenseTracker.Web.Budgets;

/// <summary>
/// What the budget watchers need to record alerts inside the expense writes: the default budget for users
/// who never set one, the outbox signal to raise after a commit, and a place to report an alert it could not record
/// (the expense is saved regardless).
/// </summary>
public sealed class BudgetAlerting(IOptions<AlertOptions> options, AlertOutboxSignal signal, ILogger<BudgetAlerting> logger)
{
    public BudgetSettings Defaults { get; } = options.Value.DefaultSettings();

    /// <summary>For a store built without the app around it (a tool or a test): default budget, nobody listening.</summary>
    public static BudgetAlerting Standalone() =>
        new(Options.Create(new AlertOptions()), new AlertOutboxSignal(), NullLogger<BudgetAlerting>.Instance);

    /// <summary>Call after the write that recorded <paramref name="alerts"/> committed.</summary>
    public void Committed(IReadOnlyCollection<BudgetAlert> alerts)
    {
        if (alerts.Count > 0)
        {
            signal.Notify();
        }
    }

    public void RecordingFailed(string userId, Exception exception) =>
        logger.LogError(exception, "Could not record the budget alerts of a write by user {UserId}; the expense was saved without them", userId);
}
