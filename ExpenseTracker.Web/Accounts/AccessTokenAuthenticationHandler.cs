using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Signs in API requests that carry <c>Authorization: Bearer &lt;personal access token&gt;</c>. The token is looked up
/// in the store on every request, so a revoked token stops working at once.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    IOptions<IdentityOptions> identity) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    private const string BearerPrefix = "Bearer ";

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerToken(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        var userId = await tokens.FindOwnerAsync(secret, Context.RequestAborted);
        if (userId is null)
        {
            return AuthenticateResult.Fail("The access token is not valid or has been revoked.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(identity.Value.ClaimsIdentity.UserIdClaimType, userId)], SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await AuthProblems.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Not signed in",
            result.Failure?.Message ?? "Send a personal access token as 'Authorization: Bearer <token>', or sign in.");
    }
}
