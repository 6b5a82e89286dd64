using ExpenseTracker.Web.Accounts.DynamoDb;
using ExpenseTracker.Web.Accounts.Sqlite;
using ExpenseTracker.Web.ErrorHandling;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ExpenseTracker.Web.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The scheme that picks the session cookie or a bearer token for each request.</summary>
    public const string SessionOrTokenScheme = "SessionOrToken";

    /// <summary>
    /// Accounts with ASP.NET Core Identity over the app's own store (no Entity Framework), the session cookie, personal
    /// access tokens for the API, and the rule that every endpoint needs a signed-in user unless it says otherwise.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked at start-up, so that a bad value stops the app with a clear message instead of failing requests.
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.Section))
            .Validate(options => options.SessionLifetime > TimeSpan.Zero, "Accounts:SessionLifetime must be positive.")
            .Validate(options => options.Lockout.MaxFailedAttempts > 0 && options.Lockout.Duration > TimeSpan.Zero,
                "Accounts:Lockout needs a positive MaxFailedAttempts and Duration.")
            .Validate(options => options.RateLimit.PermitLimit > 0 && options.RateLimit.Window > TimeSpan.Zero,
                "Accounts:RateLimit needs a positive PermitLimit and Window.")
            .ValidateOnStart();

        services.AddIdentityCore<UserAccount>()
            .AddUserStore<AccountUserStore>()
            .AddSignInManager();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.User.RequireUniqueEmail = true;
            // The email is the user name; the email check decides what is allowed in it.
            identity.User.AllowedUserNameCharacters = "";
            // Length over composition rules: a long passphrase is stronger than "Passw0rd!".
            identity.Password.RequiredLength = 10;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.Lockout.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.Lockout.Duration;
        });

        services.AddAuthentication(SessionOrTokenScheme)
            .AddPolicyScheme(SessionOrTokenScheme, null, policy => policy.ForwardDefaultSelector = context =>
                context.Request.IsApi() && AccessTokenAuthenticationHandler.HasBearerToken(context.Request)
                    ? AccessTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountOptions>>((cookie, accounts) =>
        {
            cookie.Cookie.Name = "ExpenseTracker.Session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = accounts.Value.SessionLifetime;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.EventsType = typeof(SessionCookieEvents);
        });
        services.AddSingleton<SessionCookieEvents>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAccountRateLimits();

        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentUser, PrincipalCurrentUser>();
        services.AddScoped<RegistrationPolicy>();
        services.AddScoped<AccountDeletion>();
        services.AddSingleton<AccessTokens>();
        services.AddStore<IAccountStore, SqliteAccountStore, DynamoDbAccountStore>();
        services.AddStore<IAccessTokenStore, SqliteAccessTokenStore, DynamoDbAccessTokenStore>();
        return services;
    }

    /// <summary>Who is asking, whether they may, and how fast they may guess passwords.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
