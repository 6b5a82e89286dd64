namespace ExpenseTracker.Web.Budgets;

/// <summary>
/// Drains the outbox: delivers each pending alert through every <see cref="IAlertDelivery"/>, then marks it
/// delivered. Alerts are committed with the expense write that raised them, so an alert whose delivery was cut
/// short by a crash is still pending and goes out on the next start, before the app takes requests. Delivery is
/// at least once: a crash between delivering and marking repeats that one alert.
/// </summary>
/// <param name="outbox">The chosen store's outbox, or null when the store delivers its alerts itself (DynamoDB's stream).</param>
public sealed class AlertDispatcher(
    IAlertOutbox? outbox, IEnumerable<IAlertDelivery> deliveries, AlertOutboxSignal signal, TimeProvider time, ILogger<AlertDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 50;

    /// <summary>How long a failed delivery waits before it is tried again (a new alert wakes the dispatcher sooner).</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (outbox is null)
        {
            return;
        }

        await DeliverPendingAsync(outbox, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(RetryInterval, stoppingToken);
            await DeliverPendingAsync(outbox!, stoppingToken);
        }
    }

    /// <summary>Delivers what is pending now; a failure is logged and left for the next round, never thrown.</summary>
    private async Task DeliverPendingAsync(IAlertOutbox outbox, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var pending = await outbox.ListPendingAsync(BatchSize, cancellationToken);
                foreach (var alert in pending)
                {
                    foreach (var delivery in deliveries)
                    {
                        await delivery.DeliverAsync(alert, cancellationToken);
                    }

                    await outbox.MarkDeliveredAsync(alert, time.GetUtcNow(), cancellationToken);
                }

                if (pending.Count < BatchSize)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Delivering budget alerts failed; they stay pending and are tried again in {RetryInterval}", RetryInterval);
        }
    }
}
