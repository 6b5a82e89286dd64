namespace ExpenseTracker.Web.Htmx;

/// <summary>The few htmx request and response headers the app uses (the Htmx NuGet package is not available to us).</summary>
public static class HtmxExtensions
{
    /// <summary>True when htmx sent the request (HX-Request), except history restores, which want the full page.</summary>
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers["HX-Request"] == "true" && request.Headers["HX-History-Restore-Request"] != "true";

    /// <summary>Asks htmx to raise these events on the page after the swap (HX-Trigger), so that other parts refresh.</summary>
    public static void TriggerHtmxEvents(this HttpResponse response, params string[] events)
    {
        var existing = response.Headers["HX-Trigger"].ToString();
        var all = existing.Length == 0 ? events : [.. existing.Split(", "), .. events];
        response.Headers["HX-Trigger"] = string.Join(", ", all.Distinct());
    }
}

/// <summary>Names of the events pages listen to, in one place so that triggers and listeners agree.</summary>
public static class HtmxEvents
{
    /// <summary>Any expense was added, changed or deleted: totals and charts refresh.</summary>
    public const string ExpensesChanged = "expenses-changed";

    /// <summary>A new expense exists: the list reloads, because its place in the order is the server's to decide.</summary>
    public const string ExpenseAdded = "expense-added";
}
