using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpenseTracker.Web.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountRateLimits.PolicyName)]
public sealed class LoginModel(
    UserManager<UserAccount> users,
    SignInManager<UserAccount> signIn,
    IPasswordHasher<UserAccount> hasher,
    RegistrationPolicy registration,
    IOptions<AccountOptions> options) : PageModel
{
    // Checked against when the email is unknown, so that a wrong email takes as long as a wrong password.
    private static string? unknownEmailHash;

    [BindProperty]
    public LoginForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public bool CanRegister { get; private set; }

    /// <summary>Where to go after signing in: the requested page if it is on this site, else the expense list.</summary>
    public string Destination => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(Destination);
        }

        CanRegister = await registration.IsOpenAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        CanRegister = await registration.IsOpenAsync(cancellationToken);
        if (!ModelState.Accept(Input.Validate(), nameof(Input), out _))
        {
            return Page();
        }

        var account = await users.FindByEmailAsync(Input.Email!.Trim());
        if (account is null)
        {
            unknownEmailHash ??= hasher.HashPassword(new UserAccount(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new UserAccount(), unknownEmailHash, Input.Password!);
            Problem = "That email and password do not match an account.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(account, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Destination);
        }

        var lockout = options.Value.Lockout;
        Problem = result.IsLockedOut
            ? $"This account is locked for {lockout.Duration.TotalMinutes:0} minutes after {lockout.MaxFailedAttempts} wrong passwords. Try again later."
            : "That email and password do not match an account.";
        return Page();
    }
}
