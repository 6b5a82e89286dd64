using Microsoft.AspNetCore.Authorization;

namespace ExpenseTracker.Web.ErrorHandling;

/// <summary>
/// What a person sees when a page answers with an error status. Re-executed with the failed request's method,
/// so it answers posts too, and it must not fail its own antiforgery check. Open to visitors: a refused sign-in
/// post shows its 400 here instead of being sent to sign in. It binds nothing from the request: the body of the
/// request that failed may be the very thing that could not be read.
/// </summary>
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>What exactly went wrong, when the app knows (see StoreExceptionHandler and RequestBodyGate).</summary>
    public string? Detail => HttpContext.Items[Storage.StoreExceptionHandler.ErrorDetailKey] as string;

    public string Title => Status switch
    {
        400 => "That request could not be understood",
        404 => "Not found",
        405 => "That cannot be done here",
        409 => "Changed elsewhere",
        413 => "Too much was sent",
        415 => "That form could not be read",
        429 => "Too many attempts",
        503 => "Temporarily unavailable",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        400 => "The form or link was not valid, possibly because the page was open too long. Go back, reload and try again.",
        404 => "There is nothing here, or it belongs to someone else, or it has been deleted.",
        405 => "This address does not take that kind of request. Go back and use the page's own links and buttons.",
        409 => "Someone else changed this item since you opened it. Reload to see the latest values.",
        413 => "Nothing was changed. Go back, shorten what you typed and try again.",
        415 => "Nothing was changed. Go back, reload the page and send its form again.",
        429 => "Please wait a minute before trying again.",
        503 => "Your data could not be reached just now. Nothing was changed; please try again shortly.",
        _ => "The app ran into a problem with this request. Please try again; if it keeps happening, the app's log says why.",
    };

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    /// <summary>The status is the route's ("/error/413"); an address that names no error status is not an error page.</summary>
    private IActionResult Show()
    {
        if (!int.TryParse(RouteData.Values["status"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || status is < 400 or > 599)
        {
            return NotFound();
        }

        Status = status;
        return Page();
    }
}
