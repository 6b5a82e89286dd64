using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExpenseTracker.Web.Tests.Security;

public class SecurityHeadersTests : IDisposable
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>Responses of every kind: pages, redirects, static files, API errors, 404s, and errors from the exception handler.</summary>
    public static TheoryData<string, bool, HttpStatusCode> Responses => new()
    {
        { "/", true, HttpStatusCode.OK },
        { "/", false, HttpStatusCode.Redirect },
        { "/account/login", false, HttpStatusCode.OK },
        { "/static/css/site.css", false, HttpStatusCode.OK },
        { "/static/vendor/htmx.min.js", false, HttpStatusCode.OK },
        { "/api/me", false, HttpStatusCode.Unauthorized },
        { "/api/me", true, HttpStatusCode.OK },
        { "/no-such-page", true, HttpStatusCode.NotFound },
        { "/expenses/no-such-id/edit", true, HttpStatusCode.NotFound },
        { "/?cursor=not-a-cursor", true, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url, bool signedIn, HttpStatusCode status)
    {
        var client = signedIn ? factory.CreatePlainClient() : factory.CreateAnonymousClient();

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Policy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task AnAbsoluteAssetUrlAddsTheCdnOriginToThePolicyAndNothingElse()
    {
        using var withCdn = new CdnFactory();
        var response = await withCdn.CreateAnonymousClient().GetAsync("/account/login");

        Assert.Equal(
            "default-src 'self'; script-src 'self' https://cdn.example.net; style-src 'self' https://cdn.example.net; " +
            "img-src 'self' https://cdn.example.net data:; font-src 'self' https://cdn.example.net; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            Header(response, "Content-Security-Policy"));
        var page = await Html.ParseAsync(response);
        // Every asset from the CDN, but for the Htmx.TagHelpers antiforgery script, which the app itself serves.
        Assert.All(page.QuerySelectorAll("script[src]:not([src='/_htmx/antiforgery.js']), link[rel=stylesheet]"), element =>
            Assert.StartsWith("https://cdn.example.net/assets/", element.GetAttribute("src") ?? element.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector("script[src='/_htmx/antiforgery.js']"));
    }

    [Fact]
    public async Task HstsIsSentOverHttpsOutsideDevelopmentOnly()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://expenses.example.org") });
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://expenses.example.org") });
        using var development = new DevelopmentFactory();
        var developmentHttps = development.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://expenses.example.org") });

        Assert.Equal("max-age=31536000", Header(await https.GetAsync("/account/login"), "Strict-Transport-Security"));
        Assert.False((await http.GetAsync("/account/login")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await developmentHttps.GetAsync("/account/login")).Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage!.RequestUri}");

    private sealed class CdnFactory : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("StaticAssets:BaseUrl", "https://cdn.example.net/assets"), new("StaticAssets:Serve", "false")];
    }

    private sealed class DevelopmentFactory : ExpenseTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
