
namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Personal access tokens for scripts that call the API: create one (its secret is shown once, in this response only)
/// or revoke one (it stops working with the next request). Through htmx each change answers the token section.
/// </summary>
public sealed class TokensModel(AccessTokens tokens, ICurrentUser user) : PageModel
{
    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];

    [BindProperty]
    public TokenForm Input { get; set; } = new();

    public string? Problem { get; private set; }

    public AccessToken? Created { get; private set; }

    public string? CreatedSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(user.UserId, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = Input.Validate();
        if (name.Value is null)
        {
            return await ProblemAsync(name.Errors[nameof(TokenForm.Name)][0], StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        try
        {
            (Created, CreatedSecret) = await tokens.CreateAsync(user.UserId, name.Value, cancellationToken);
        }
        catch (TooManyTokensException exception)
        {
            return await ProblemAsync(exception.Message, StatusCodes.Status409Conflict, cancellationToken);
        }

        // The secret is in this response only: no redirect that would carry it, and nothing may cache it.
        Response.Headers.CacheControl = "no-store";
        Input = new TokenForm();
        return await SectionAsync(cancellationToken);
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

        const string revoked = "Token revoked. Scripts using it are refused from now on.";
        this.Tell(revoked);
        if (!Request.WantsFragment())
        {
            return RedirectToPage();
        }

        return await SectionAsync(cancellationToken);
    }

    private async Task<IActionResult> ProblemAsync(string message, int htmxStatus, CancellationToken cancellationToken)
    {
        Problem = message;
        if (Request.WantsFragment())
        {
            Response.StatusCode = htmxStatus;
        }

        return await SectionAsync(cancellationToken);
    }

    /// <summary>The token section to htmx, the whole page otherwise.</summary>
    private async Task<IActionResult> SectionAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(user.UserId, cancellationToken);
        return Request.WantsFragment() ? Partial("_Tokens", this) : Page();
    }
}
