using Microsoft.AspNetCore.Identity;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Deletes an account with everything it owns. The data goes first, store by store, and the account record last:
/// if anything fails halfway the person can still sign in and delete again (every eraser is idempotent).
/// </summary>
public sealed class AccountDeletion(UserManager<UserAccount> users, IEnumerable<IUserDataEraser> erasers)
{
    public async Task<IdentityResult> DeleteAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        // A new stamp ends the account's other sessions before their data disappears under them.
        var stamped = await users.UpdateSecurityStampAsync(account);
        if (!stamped.Succeeded)
        {
            return stamped;
        }

        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(account.Id, cancellationToken);
        }

        return await users.DeleteAsync(account);
    }
}
