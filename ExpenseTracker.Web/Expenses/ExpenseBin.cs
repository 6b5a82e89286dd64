namespace ExpenseTracker.Web.Expenses;

/// <summary>How long a deleted expense can be brought back (<c>Expenses:UndoWindow</c>).</summary>
public sealed class ExpenseBinOptions
{
    public const string Section = "Expenses";

    /// <summary>How long the page offers Undo after a delete. Tests shorten it.</summary>
    public TimeSpan UndoWindow { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Implemented by a feature that keeps things of its own per expense (receipts): told when an expense goes into the bin
/// and when an undo brings it back (with the same id), so that it sets its things aside and attaches them again. It
/// keeps what it set aside at least for the undo window (<see cref="ExpenseBinOptions.UndoWindow"/> and
/// <see cref="ExpenseBin.Grace"/>) before deleting it for good.
/// </summary>
public interface IDeletedExpenseHandler
{
    Task DeletedAsync(string userId, string expenseId, CancellationToken cancellationToken);

    Task RestoredAsync(string userId, string expenseId, CancellationToken cancellationToken);
}

/// <summary>
/// Undo instead of confirm. A delete keeps the expense in the store's bin (outside every list and total); for
/// <see cref="ExpenseBinOptions.UndoWindow"/> (and a few seconds' grace for a click made at the last moment) a restore
/// brings it back with its id, tags and totals, and the budget check runs as for an add, which records an alert once per
/// line and period, so a line crossed again raises nothing new. Every <see cref="IDeletedExpenseHandler"/> is told of
/// both. Each delete also empties the person's bin of what is older than that.
/// </summary>
public sealed class ExpenseBin(
    IExpenseStore store, IOptions<ExpenseBinOptions> options, TimeProvider time, IEnumerable<IDeletedExpenseHandler> handlers, ILogger<ExpenseBin> logger)
{
    public const string GoneMessage = "That expense can no longer be brought back: the time to undo its delete has passed.";

    /// <summary>A click on Undo in the last moment still arrives in time.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public TimeSpan UndoWindow => options.Value.UndoWindow;

    /// <summary>Deletes the expense into the bin; answers it, for the message that offers Undo.</summary>
    /// <exception cref="NotFoundException">No such expense for this user.</exception>
    public async Task<Expense> DeleteAsync(string userId, string id, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(userId, id, cancellationToken);
        foreach (var handler in handlers)
        {
            await handler.DeletedAsync(userId, id, cancellationToken);
        }

        await PurgeAsync(userId, cancellationToken);
        return deleted;
    }

    /// <exception cref="NotFoundException">Not deleted within the window, or restored already: <see cref="GoneMessage"/>.</exception>
    public async Task<ExpenseWrite> RestoreAsync(string userId, string id, CancellationToken cancellationToken)
    {
        var restored = await store.RestoreAsync(userId, id, Cutoff(), cancellationToken);
        foreach (var handler in handlers)
        {
            await handler.RestoredAsync(userId, id, cancellationToken);
        }

        return restored;
    }

    private DateTimeOffset Cutoff() => time.GetUtcNow() - UndoWindow - Grace;

    /// <summary>Housekeeping after a delete that succeeded: a failure here is logged and tried again at the next delete.</summary>
    private async Task PurgeAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            await store.PurgeDeletedAsync(userId, Cutoff(), cancellationToken);
        }
        catch (StoreException exception)
        {
            logger.LogWarning(exception, "Emptying the bin of user {UserId} failed; the next delete tries again.", userId);
        }
    }
}
