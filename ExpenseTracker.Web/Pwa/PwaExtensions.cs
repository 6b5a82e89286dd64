using System.Reflection;
using System.Text.Json.Nodes;
using ExpenseTracker.Web.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace ExpenseTracker.Web.Pwa;

/// <summary>
/// Installable on a phone: the web app manifest and the service worker, both at the site's root (a worker controls
/// only the paths below its own URL, and the asset prefix may be another origin). The worker caches the static assets
/// and the offline page, never a page or an API answer: those hold a person's finances.
/// </summary>
public static class PwaExtensions
{
    public const string ManifestPath = "/manifest.webmanifest";
    public const string WorkerPath = "/sw.js";
    public const string OfflinePath = "/offline";

    /// <summary>The browser UI colours of the light and the dark theme: the colour of the menu bar in each.</summary>
    public const string LightThemeColour = "#212529";
    public const string DarkThemeColour = "#121416";

    /// <summary>Files the worker caches when it installs, so that the offline page has its look and icon without a network.</summary>
    private static readonly string[] Precached = ["vendor/bootstrap.min.css", "css/site.css", "js/theme.js", "icons/icon-192.png"];

    public static WebApplication MapInstallableApp(this WebApplication app)
    {
        var assets = app.Services.GetRequiredService<AssetUrls>();
        var manifest = Manifest(assets);
        var worker = Worker(assets);
        app.MapGet(ManifestPath, (HttpContext context) => Answer(context, manifest, "application/manifest+json", "public, max-age=86400"))
            .AllowAnonymous().ExcludeFromDescription();
        // Browsers check the worker for updates themselves; no-cache makes each check see the deployed one.
        app.MapGet(WorkerPath, (HttpContext context) => Answer(context, worker, "text/javascript; charset=utf-8", "no-cache"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Answer(HttpContext context, string body, string contentType, string cacheControl)
    {
        context.Response.Headers[HeaderNames.CacheControl] = cacheControl;
        return Results.Text(body, contentType);
    }

    private static string Manifest(AssetUrls assets) => new JsonObject
    {
        ["name"] = "Expense Tracker",
        ["short_name"] = "Expenses",
        ["description"] = "Record expenses in rupees, see where the money goes, get a budget alert.",
        ["id"] = "/",
        ["start_url"] = "/",
        ["scope"] = "/",
        ["display"] = "standalone",
        ["background_color"] = "#ffffff",
        ["theme_color"] = LightThemeColour,
        ["icons"] = new JsonArray(
            Icon(assets, "icons/icon-192.png", "192x192", "any"),
            Icon(assets, "icons/icon-512.png", "512x512", "any"),
            Icon(assets, "icons/icon-maskable-192.png", "192x192", "maskable"),
            Icon(assets, "icons/icon-maskable-512.png", "512x512", "maskable")),
    }.ToJsonString();

    private static JsonObject Icon(AssetUrls assets, string path, string sizes, string purpose) =>
        new() { ["src"] = assets[path], ["sizes"] = sizes, ["type"] = "image/png", ["purpose"] = purpose };

    /// <summary>
    /// The worker's script (service-worker.js, built into the app: in AWS the asset folder is not beside it) after a first
    /// line with its settings. The cache's name carries the build, so a new deploy starts with a fresh cache.
    /// </summary>
    private static string Worker(AssetUrls assets)
    {
        using var stream = typeof(PwaExtensions).Assembly.GetManifestResourceStream("ExpenseTracker.Web.Pwa.service-worker.js")
            ?? throw new InvalidOperationException("The service worker's script is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var settings = new JsonObject
        {
            ["cache"] = "expense-tracker-" + typeof(PwaExtensions).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12],
            ["assetPrefix"] = assets[""],
            ["offlinePage"] = OfflinePath,
            ["precache"] = new JsonArray([.. Precached.Select(path => (JsonNode)assets[path]!)]),
        };
        return $"self.workerSettings = {settings.ToJsonString()};\n{reader.ReadToEnd()}";
    }
}
