namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Where accounts live. A store implements this once (SQLite, DynamoDB); Identity reaches it only through
/// <see cref="AccountUserStore"/>.
/// </summary>
public interface IAccountStore
{
    /// <summary>
    /// Stores a new account. With <paramref name="onlyIfNoAccountExists"/> the store refuses when any account exists,
    /// checked atomically with the insert, so two people racing to be the first cannot both register.
    /// </summary>
    Task<AccountCreation> CreateAsync(UserAccount account, bool onlyIfNoAccountExists, CancellationToken cancellationToken = default);

    Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    Task<UserAccount?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the password hash, security stamp, lockout fields and the new concurrency stamp, if the stored
    /// concurrency stamp is still <paramref name="expectedConcurrencyStamp"/>. The email is never changed here.
    /// </summary>
    /// <returns>False when the account is gone or someone else wrote it first; nothing is written then.</returns>
    Task<bool> UpdateAsync(UserAccount account, string expectedConcurrencyStamp, CancellationToken cancellationToken = default);

    /// <summary>Removes the account record itself; its data goes first, through every <see cref="IUserDataEraser"/>.</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}

public enum AccountCreation
{
    Created,
    EmailTaken,
    NotFirstAccount,
}
