using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpenseTracker.Web.Accounts;

/// <summary>Deletes the account and everything it owns, after the password confirms it is really its owner.</summary>
[EnableRateLimiting(AccountRateLimits.PolicyName)]
public sealed class DeleteAccountModel(UserManager<UserAccount> users, SignInManager<UserAccount> signIn, AccountDeletion deletion) : PageModel
{
    [BindProperty]
    public DeleteAccountForm Input { get; set; } = new();

    public string? Problem { get; private set; }

    public void OnGet()
    {
        // The page asks for the password; nothing to load.
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        if (!ModelState.Accept(Input.Validate(), nameof(Input), out _))
        {
            return Page();
        }

        if (await signIn.ConfirmPasswordAsync(account, Input.Password!, "That is not your password. Nothing was deleted.") is { } wrong)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DeleteAccountForm.Password)}", wrong);
            return Page();
        }

        // Not cancelled with the request: a deletion that has begun should finish even if the browser goes away.
        var result = await deletion.DeleteAsync(account, CancellationToken.None);
        if (!result.Succeeded)
        {
            Problem = "Your account changed while it was being deleted. Nothing is lost; please try again.";
            return Page();
        }

        await signIn.SignOutAsync();
        this.Tell("Your account and all of its data have been deleted.");
        return RedirectToPage("/Accounts/Login");
    }
}
