namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// The metadata of receipts (their bytes are in <see cref="IReceiptFiles"/>). Every call is scoped to one user; a
/// receipt of another user is simply not found.
/// </summary>
public interface IReceiptStore : IUserDataEraser
{
    /// <summary>An upload waiting for its expense (<see cref="ReceiptState.Pending"/>).</summary>
    Task AddPendingAsync(string userId, Receipt receipt, CancellationToken cancellationToken = default);

    Task<Receipt?> FindAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>The attached receipts of these expenses, oldest first, by expense id (expenses without any are left out).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Receipt>>> ListAttachedAsync(
        string userId, IReadOnlyCollection<string> expenseIds, CancellationToken cancellationToken = default);

    /// <summary>Attaches pending uploads to an expense, all or none.</summary>
    /// <exception cref="NotFoundException">One of them is not a pending upload of this user.</exception>
    /// <exception cref="TooManyReceiptsException">The expense would hold more than <see cref="ReceiptRules.MaxPerExpense"/>.</exception>
    Task AttachAsync(string userId, string expenseId, IReadOnlyCollection<string> receiptIds, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Sets the attached receipts of a deleted expense aside (<see cref="ReceiptState.Detached"/>); answers them.</summary>
    Task<IReadOnlyList<Receipt>> DetachAsync(string userId, string expenseId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Attaches the receipts a deleted expense set aside to it again, when it is restored; answers them.</summary>
    Task<IReadOnlyList<Receipt>> ReattachAsync(string userId, string expenseId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <exception cref="NotFoundException">No such receipt for this user.</exception>
    Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>Every receipt of the user in every state, oldest first: for the full backup, and for the sweep.</summary>
    Task<IReadOnlyList<Receipt>> ListAsync(string userId, CancellationToken cancellationToken = default);
}

/// <summary>An expense already holds as many receipts as it may.</summary>
public sealed class TooManyReceiptsException(int attached)
    : StoreException($"An expense holds at most {ReceiptRules.MaxPerExpense} receipts{(attached > 0 ? $", and this one has {attached} already" : "")}; remove one first.");

public static class ReceiptRules
{
    public const int MaxPerExpense = 5;

    /// <summary>A receipt id as the stores make them: 32 lower-case hex digits (a GUID).</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public static string NewId() => Guid.NewGuid().ToString("N");
}
