using Microsoft.AspNetCore.Authorization;

namespace ExpenseTracker.Web.ErrorHandling;

/// <summary>
/// What a person sees when a page answers with an error status. Re-executed with the failed request's method,
/// so it answers posts too, and it must not fail its own antiforgery check. Open to visitors: a refused sign-in
/// post shows its 400 here instead of being sent to sign in.
/// </summary>
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>What exactly went wrong, when the store said so (see StoreExceptionHandler).</summary>
    public string? Detail => HttpContext.Items[Storage.StoreExceptionHandler.ErrorDetailKey] as string;

    public string Title => Status switch
    {
        400 => "That request could not be understood",
        404 => "Not found",
        409 => "Changed elsewhere",
        429 => "Too many attempts",
        503 => "Temporarily unavailable",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        400 => "The form or link was not valid, possibly because the page was open too long. Go back, reload and try again.",
        404 => "There is nothing here, or it belongs to someone else, or it has been deleted.",
        409 => "Someone else changed this item since you opened it. Reload to see the latest values.",
        429 => "Please wait a minute before trying again.",
        503 => "Your data could not be reached just now. Nothing was changed; please try again shortly.",
        _ => "Nothing was changed. Please try again.",
    };

    public void OnGet(int status) => Status = status;

    public void OnPost(int status) => Status = status;
}
