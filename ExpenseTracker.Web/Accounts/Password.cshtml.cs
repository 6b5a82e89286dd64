using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// The account page: change the password (which signs out every other session through the security stamp), or go on
/// to delete the account.
/// </summary>
[EnableRateLimiting(AccountRateLimits.PolicyName)]
public sealed class PasswordModel(UserManager<UserAccount> users, SignInManager<UserAccount> signIn) : PageModel
{
    [BindProperty]
    public PasswordForm Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        Email = account.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        Email = account.Email;
        if (!ModelState.Accept(Input.Validate(), nameof(Input), out _))
        {
            return Page();
        }

        if (await signIn.ConfirmPasswordAsync(account, Input.CurrentPassword!, "That is not your current password.") is { } wrong)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PasswordForm.CurrentPassword)}", wrong);
            return Page();
        }

        var result = await users.ChangePasswordAsync(account, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PasswordForm.NewPassword)}", result.Errors.First().Description);
            return Page();
        }

        // The new stamp ends the other sessions; this one gets a cookie with the new stamp.
        await signIn.RefreshSignInAsync(account);
        this.Tell("Password changed. You were signed out everywhere else.");
        return RedirectToPage();
    }
}
