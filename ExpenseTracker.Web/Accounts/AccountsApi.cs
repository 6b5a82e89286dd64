using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpenseTracker.Web.Accounts;

public static class AccountsApi
{
    public sealed record CurrentAccount(string Id, string Email);

    /// <summary>GET /api/me: who a session or token belongs to, so a script can check its token.</summary>
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", GetCurrentAsync)
            .WithName("GetCurrentAccount")
            .WithSummary("The signed-in account (by session cookie or personal access token).");
        return endpoints;
    }

    private static async Task<Results<Ok<CurrentAccount>, NotFound>> GetCurrentAsync(
        ICurrentUser user, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByIdAsync(user.UserId, cancellationToken);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(new CurrentAccount(account.Id, account.Email));
    }
}
