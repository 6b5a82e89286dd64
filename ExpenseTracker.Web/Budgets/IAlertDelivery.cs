namespace ExpenseTracker.Web.Budgets;

/// <summary>One way of telling a person about an alert. Register more than one and each gets every alert.</summary>
public interface IAlertDelivery
{
    /// <summary>Throws when the alert could not be delivered; it stays in the outbox and is tried again.</summary>
    Task DeliverAsync(PendingAlert pending, CancellationToken cancellationToken);
}

/// <summary>The local channel: a Warning in the log, which is where a person running the app on a laptop looks.</summary>
public sealed class LogAlertDelivery(ILogger<LogAlertDelivery> logger) : IAlertDelivery
{
    public Task DeliverAsync(PendingAlert pending, CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "{AlertMessage} (user {UserId}, period {Period}, level {Level})",
            pending.Alert.Message, pending.UserId, pending.Alert.Period, pending.Alert.Level);
        return Task.CompletedTask;
    }
}
