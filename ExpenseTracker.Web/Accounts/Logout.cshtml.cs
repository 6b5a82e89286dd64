using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ExpenseTracker.Web.Accounts;

/// <summary>Signing out is a POST (with the antiforgery token), so that no link or image on another site can do it.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<UserAccount> signIn) : PageModel
{
    public void OnGet()
    {
        // The page itself offers the button.
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        this.Tell("You are signed out.");
        return RedirectToPage("/Accounts/Login");
    }
}
