using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExpenseTracker.Web.Rendering;

public static class PagesServiceCollectionExtensions
{
    /// <summary>
    /// Razor Pages and the htmx fragments they return, written as a browser reads them: htmx sends the antiforgery
    /// token in a header, text in any script is written as itself, and the flash-message cookie is only touched by
    /// the requests that use it.
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
