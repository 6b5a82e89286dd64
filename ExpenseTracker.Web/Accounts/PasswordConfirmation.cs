using Microsoft.AspNetCore.Identity;

namespace ExpenseTracker.Web.Accounts;

public static class PasswordConfirmation
{
    /// <summary>
    /// Checks the signed-in person's password before a sensitive change. It goes through the sign-in check, so that
    /// guessing the password here counts towards the lockout too. Returns what to tell the person, or null when it is right.
    /// </summary>
    public static async Task<string?> ConfirmPasswordAsync(
        this SignInManager<UserAccount> signIn, UserAccount account, string password, string wrongPasswordMessage)
    {
        var check = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (check.Succeeded)
        {
            return null;
        }

        return check.IsLockedOut ? "Too many wrong passwords: the account is locked for a few minutes." : wrongPasswordMessage;
    }
}
