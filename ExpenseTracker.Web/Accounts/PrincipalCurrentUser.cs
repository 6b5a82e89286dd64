using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// The user id claim of the request's authenticated principal (session cookie or access token). Nothing else (a query
/// string, a form field, a header) can name the user.
/// </summary>
public sealed class PrincipalCurrentUser(IHttpContextAccessor accessor, IOptions<IdentityOptions> identity) : ICurrentUser
{
    public string UserId =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } principal
        && principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("No signed-in user. Every page and endpoint that reads user data must require authentication.");
}
