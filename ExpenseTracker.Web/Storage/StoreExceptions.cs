namespace ExpenseTracker.Web.Storage;

/// <summary>
/// The failures a store reports in the app's own terms, so that pages and the API can answer with the right
/// status and message whatever store is behind them.
/// </summary>
public abstract class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The item does not exist for this user (it may exist for another; we do not say).</summary>
public sealed class NotFoundException(string message = "Not found.") : StoreException(message);

/// <summary>Someone else changed the item since it was read.</summary>
public sealed class ConcurrencyConflictException(string message = "This expense was changed elsewhere since you opened it. Reload to see the latest values.")
    : StoreException(message);

public sealed class DuplicateNameException(string message) : StoreException(message);

public sealed class CategoryInUseException(string categoryName, int expenseCount)
    : StoreException($"\"{categoryName}\" is used by {expenseCount} expense{(expenseCount == 1 ? "" : "s")}. Move them to another category first.")
{
    public int ExpenseCount { get; } = expenseCount;
}

public sealed class InvalidCursorException() : StoreException("That page link is no longer valid. Start again from the first page.");

/// <summary>A value the store cannot hold (too large, or characters it cannot keep). Nothing was written.</summary>
public sealed class InvalidValueException(string message) : StoreException(message);

/// <summary>The store could not be reached or kept refusing after retries. Nothing was written.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : StoreException(message, inner);

/// <summary>
/// The store is there but too many writes were competing for the same items (one person's month, all at once) for
/// this one to get through in time. Nothing was written; trying again shortly works.
/// </summary>
public sealed class StoreBusyException(string message, Exception? inner = null) : StoreException(message, inner);
