using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ExpenseTracker.Web.Rendering;

/// <summary>
/// The framework's TempData cookie (the flash message after a redirect), read and written only when there is one.
/// Pages that can show a flash message read TempData on every request; without this, each of those responses
/// carried a Set-Cookie deleting a cookie the browser did not have, and paid for loading and saving nothing.
/// </summary>
public sealed class TempDataCookieOnlyWhenUsed(CookieTempDataProvider cookie, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    // A large value is split into chunks, but the cookie of this name is always there: it says how many chunks follow.
    private readonly string cookieName = options.Value.Cookie.Name!;

    public IDictionary<string, object> LoadTempData(HttpContext context) =>
        WasSent(context) ? cookie.LoadTempData(context) : new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !WasSent(context))
        {
            return;
        }

        cookie.SaveTempData(context, values);
    }

    private bool WasSent(HttpContext context) => context.Request.Cookies.ContainsKey(cookieName);
}
