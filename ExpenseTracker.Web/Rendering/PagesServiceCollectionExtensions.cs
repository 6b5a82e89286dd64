using System.Text.Encodings.Web;
using System.Text.Unicode;
using Htmx.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExpenseTracker.Web.Rendering;

public static class PagesServiceCollectionExtensions
{
    /// <summary>
    /// Razor Pages and the htmx fragments they return, written as a browser reads them: htmx sends the antiforgery
    /// token in a header (the Htmx.TagHelpers script puts it there), text in any script is written as itself, and the
    /// flash-message cookie is only touched by the requests that use it.
    /// </summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        // Pages live in their feature's folder (Expenses/Index.cshtml beside IExpenseStore), not under Pages/.
        services.AddRazorPages(options => options.RootDirectory = "/");
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");

        // The default encoder writes every character outside Basic Latin as a character reference: each ₹ became
        // "&#x20B9;" and a description in Hindi six times its length. Markup characters (< > & " ') are still escaped.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, TempDataCookieOnlyWhenUsed>());
        return services;
    }
}

public static class HtmxAntiforgeryScriptExtensions
{
    /// <summary>
    /// The Htmx.TagHelpers script that adds the antiforgery token to every htmx request that changes something: a
    /// script file of the app's own origin, which the Content-Security-Policy allows (an inline script it would not).
    /// Open to visitors (the sign-in page loads it too), and the same for everybody, so browsers may keep it a day.
    /// </summary>
    public static IEndpointConventionBuilder MapHtmxAntiforgery(this IEndpointRouteBuilder app)
    {
        var script = app.MapHtmxAntiforgeryScript().AllowAnonymous();
        script.Add(endpoint => endpoint.RequestDelegate = CachedForADay(endpoint.RequestDelegate!));
        return script;
    }

    private static RequestDelegate CachedForADay(RequestDelegate write) => context =>
    {
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return write(context);
    };
}
