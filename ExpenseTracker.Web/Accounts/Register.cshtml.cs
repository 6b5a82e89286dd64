using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpenseTracker.Web.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountRateLimits.PolicyName)]
public sealed class RegisterModel(
    UserManager<UserAccount> users,
    SignInManager<UserAccount> signIn,
    RegistrationPolicy registration,
    TimeProvider time) : PageModel
{
    [BindProperty]
    public RegisterForm Input { get; set; } = new();

    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IsOpen = await registration.IsOpenAsync(cancellationToken);
        return IsOpen ? Page() : Closed();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        IsOpen = await registration.IsOpenAsync(cancellationToken);
        if (!IsOpen)
        {
            return Closed();
        }

        if (!ModelState.Accept(Input.Validate(), nameof(Input), out _))
        {
            return Page();
        }

        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            Email = Input.Email!.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(account, Input.Password!);
        if (result.Errors.Any(error => error.Code == AccountUserStore.RegistrationClosedCode))
        {
            // Someone else registered first between the check above and the insert.
            IsOpen = false;
            return Closed();
        }

        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterForm.Password) : nameof(RegisterForm.Email);
            if (ModelState[$"{nameof(Input)}.{field}"]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
            }
        }

        if (!result.Succeeded)
        {
            return Page();
        }

        await signIn.SignInAsync(account, isPersistent: false);
        this.Tell("Welcome! Your account is ready.");
        return LocalRedirect("/");
    }

    private IActionResult Closed()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
