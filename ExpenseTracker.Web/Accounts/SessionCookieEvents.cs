using ExpenseTracker.Web.ErrorHandling;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// How the session cookie behaves beyond the defaults: the security stamp is checked on every request (a password
/// change or account deletion ends the other sessions at once), the API answers 401 ProblemDetails instead of
/// redirecting, and htmx requests are sent to the login page as a whole-page navigation.
/// </summary>
public sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<UserAccount>>();
        if (await signIn.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.IsApi())
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return AuthProblems.WriteAsync(
                context.HttpContext,
                StatusCodes.Status401Unauthorized,
                "Not signed in",
                "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.");
        }

        if (context.Request.WantsFragment())
        {
            // A fragment URL is no place to come back to; the page the person was on is.
            var current = Uri.TryCreate(context.Request.Headers["HX-Current-URL"], UriKind.Absolute, out var url)
                && string.Equals(url.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                    ? url.PathAndQuery
                    : "/";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers["HX-Redirect"] = QueryHelpers.AddQueryString(context.Options.LoginPath.Value!, context.Options.ReturnUrlParameter, current);
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.IsApi()
            ? AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "You may not use this endpoint.")
            : base.RedirectToAccessDenied(context);
}
