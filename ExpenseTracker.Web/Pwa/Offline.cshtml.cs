using Microsoft.AspNetCore.Authorization;

namespace ExpenseTracker.Web.Pwa;

/// <summary>The page the service worker keeps for when the network is gone: open to anyone, the same for everyone.</summary>
[AllowAnonymous]
public sealed class OfflineModel : PageModel
{
    public void OnGet()
    {
    }
}
