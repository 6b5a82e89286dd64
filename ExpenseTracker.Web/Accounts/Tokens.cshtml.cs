using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Personal access tokens for scripts that call the API: create one (its secret is shown once, in this response only)
/// or revoke one (it stops working with the next request).
/// </summary>
public sealed class TokensModel(AccessTokens tokens, ICurrentUser user) : PageModel
{
    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public string? Problem { get; private set; }

    public AccessToken? Created { get; private set; }

    public string? CreatedSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(user.UserId, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (AccessTokens.NameProblem(Name) is { } nameProblem)
        {
            return await ProblemAsync(nameProblem, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        try
        {
            (Created, CreatedSecret) = await tokens.CreateAsync(user.UserId, Name!, cancellationToken);
        }
        catch (TooManyTokensException exception)
        {
            return await ProblemAsync(exception.Message, StatusCodes.Status409Conflict, cancellationToken);
        }

        // The secret is in this response only: no redirect that would carry it, and nothing may cache it.
        Response.Headers.CacheControl = "no-store";
        Name = null;
        Tokens = await tokens.ListAsync(user.UserId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RevokeAsync(user.UserId, id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        TempData["Flash"] = "Token revoked. Scripts using it are refused from now on.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ProblemAsync(string message, int htmxStatus, CancellationToken cancellationToken)
    {
        Problem = message;
        Tokens = await tokens.ListAsync(user.UserId, cancellationToken);
        if (Htmx.HtmxExtensions.IsHtmx(Request))
        {
            Response.StatusCode = htmxStatus;
        }

        return Page();
    }
}
