using ExpenseTracker.Web.ErrorHandling;
using Htmx;
using Microsoft.Net.Http.Headers;

namespace ExpenseTracker.Web.Rendering;

public static class HtmxRequests
{
    /// <summary>
    /// True when htmx asked for this (HX-Request) and wants the fragment it swaps. A history restore (htmx found no
    /// copy of the page in its cache) wants the whole page, though it comes from htmx too. The header is compared as
    /// text, so a request with a malformed value is simply not a restore (the Htmx package would throw on it).
    /// </summary>
    public static bool WantsFragment(this HttpRequest request) =>
        request.IsHtmx() && request.Headers[HtmxRequestHeaders.Keys.HistoryRestoreRequest] != "true";

    /// <summary>Asks htmx to raise these events once it has swapped the response in, so that other parts of the page refresh.</summary>
    public static void TriggerEvents(this HttpResponse response, params string[] events) =>
        response.Htmx(headers =>
        {
            foreach (var name in events)
            {
                headers.WithTrigger(name);
            }
        });
}

/// <summary>Names of the events pages listen to (<c>hx-trigger="… from:body"</c>), in one place so that triggers and listeners agree.</summary>
public static class HtmxEvents
{
    /// <summary>Any expense was added, changed or deleted: totals, charts and the budget card refresh.</summary>
    public const string ExpensesChanged = "expenses-changed";

    /// <summary>A new expense exists: the list reloads, because its place in the order is the server's to decide.</summary>
    public const string ExpenseAdded = "expense-added";
}

public static class VaryByHtmxRequestExtensions
{
    /// <summary>
    /// Every page may answer a whole page or, to htmx, a fragment of it: <c>Vary: HX-Request</c> keeps any cache between
    /// the two from handing one to the other. The JSON API answers the same to both, so it is left out.
    /// </summary>
    public static WebApplication UseVaryByHtmxRequest(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!context.Request.IsApi())
            {
                context.Response.Headers.Append(HeaderNames.Vary, HtmxRequestHeaders.Keys.Request);
            }

            return next(context);
        });
        return app;
    }
}
