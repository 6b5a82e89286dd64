using Microsoft.AspNetCore.Identity;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Identity's view of <see cref="IAccountStore"/>: the email is the user name, passwords are kept as Identity's hashes,
/// and lockout and security stamps are stored fields. Creating an account is registering, so the registration mode
/// is enforced here, in the same store call as the insert.
/// </summary>
public sealed class AccountUserStore(IAccountStore accounts, RegistrationPolicy registration, IdentityErrorDescriber describer) :
    IUserEmailStore<UserAccount>,
    IUserPasswordStore<UserAccount>,
    IUserSecurityStampStore<UserAccount>,
    IUserLockoutStore<UserAccount>
{
    public const string RegistrationClosedCode = "RegistrationClosed";

    public static readonly IdentityError RegistrationClosed = new()
    {
        Code = RegistrationClosedCode,
        Description = "Registration is closed on this site.",
    };

    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        if (registration.Mode == RegistrationMode.Closed)
        {
            return IdentityResult.Failed(RegistrationClosed);
        }

        var created = await accounts.CreateAsync(user, registration.Mode == RegistrationMode.FirstUserOnly, cancellationToken);
        return created switch
        {
            AccountCreation.Created => IdentityResult.Success,
            AccountCreation.EmailTaken => IdentityResult.Failed(describer.DuplicateEmail(user.Email)),
            _ => IdentityResult.Failed(RegistrationClosed),
        };
    }

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (await accounts.UpdateAsync(user, expected, cancellationToken))
        {
            return IdentityResult.Success;
        }

        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(describer.ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await accounts.DeleteAsync(user.Id, cancellationToken);
        return IdentityResult.Success;
    }

    public Task<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        accounts.FindByIdAsync(userId, cancellationToken);

    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        accounts.FindByNormalizedEmailAsync(normalizedUserName, cancellationToken);

    public Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        accounts.FindByNormalizedEmailAsync(normalizedEmail, cancellationToken);

    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken cancellationToken) => Done(user.Email = userName ?? "");

    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken cancellationToken) => Done(user.NormalizedEmail = normalizedName ?? "");

    public Task<string?> GetEmailAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetEmailAsync(UserAccount user, string? email, CancellationToken cancellationToken) => Done(user.Email = email ?? "");

    public Task<string?> GetNormalizedEmailAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(UserAccount user, string? normalizedEmail, CancellationToken cancellationToken) => Done(user.NormalizedEmail = normalizedEmail ?? "");

    /// <summary>The app sends no email, so no address is ever confirmed (and sign-in does not require it).</summary>
    public Task<bool> GetEmailConfirmedAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task SetEmailConfirmedAsync(UserAccount user, bool confirmed, CancellationToken cancellationToken) =>
        confirmed ? throw new NotSupportedException("The app does not confirm email addresses.") : Task.CompletedTask;

    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken cancellationToken) => Done(user.PasswordHash = passwordHash);

    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken cancellationToken) => Done(user.SecurityStamp = stamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Done(user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Done(user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken cancellationToken) => Done(user.LockoutEnabled = enabled);

    public void Dispose()
    {
        // Nothing to release: the account store owns its connections.
    }

    /// <summary>A setter Identity awaits: the value is set on the account already, and stored by <see cref="UpdateAsync"/>.</summary>
    private static Task Done<T>(T assigned) => Task.CompletedTask;
}
