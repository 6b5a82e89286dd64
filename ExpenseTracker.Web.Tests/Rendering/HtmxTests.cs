using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using ExpenseTracker.Web.Rendering;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;

namespace ExpenseTracker.Web.Tests.Rendering;

/// <summary>What every page does for htmx: the antiforgery script, the htmx settings, fragments and their caching.</summary>
public sealed class HtmxTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheAntiforgeryScriptIsServedToAnyoneFromTheAppAndKeptForADay()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/_htmx/antiforgery.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl!.MaxAge);
        Assert.Contains("htmx:configRequest", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPageHandsHtmxItsSettingsAndTheTokenThatScriptSends()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/");

        var config = JsonNode.Parse(page.QuerySelector("meta[name=htmx-config]")!.GetAttribute("content")!)!;
        Assert.Equal("RequestVerificationToken", config["antiForgery"]!["headerName"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(page.AntiforgeryToken()));
        Assert.False(config["includeIndicatorStyles"]!.GetValue<bool>());
        Assert.True(config["selfRequestsOnly"]!.GetValue<bool>());
        Assert.Equal(["204", "[23]..", "409", "422", "[45].."], config["responseHandling"]!.AsArray().Select(rule => rule!["code"]!.GetValue<string>()));
        Assert.NotNull(page.QuerySelector("script[src='/_htmx/antiforgery.js']"));
    }

    [Fact]
    public void TheSettingsCarryAnyTokenTextSafelyInsideTheSingleQuotedAttribute()
    {
        var tokens = new AntiforgeryTokenSet("a'b\"c<d>&e\\", "cookie", "__RequestVerificationToken", "RequestVerificationToken");
        using var written = new StringWriter();

        HtmxConfiguration.Content(tokens).WriteTo(written, HtmlEncoder.Default);

        Assert.DoesNotContain('\'', written.ToString());
        Assert.DoesNotContain('<', written.ToString());
        var config = JsonNode.Parse(written.ToString())!;
        Assert.Equal("a'b\"c<d>&e\\", config["antiForgery"]!["requestToken"]!.GetValue<string>());
        Assert.Equal("__RequestVerificationToken", config["antiForgery"]!["formFieldName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/charts")]
    [InlineData("/categories")]
    public async Task APageAndItsFragmentVaryByTheHtmxHeaderSoNoCacheMixesThem(string url)
    {
        var client = factory.CreatePlainClient();

        var page = await client.GetAsync(url);
        var fragment = await client.HtmxGetAsync(url);

        Assert.Contains("HX-Request", page.Headers.Vary);
        Assert.Contains("HX-Request", fragment.Headers.Vary);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("banana", false)]
    [InlineData("", false)]
    public async Task AHistoryRestoreGetsTheWholePageAndAMalformedOneIsNoError(string header, bool wholePage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/?category=food");
        request.Headers.Add("HX-Request", "true");
        request.Headers.TryAddWithoutValidation("HX-History-Restore-Request", header);

        var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal(wholePage, document.QuerySelector("nav") is not null);
        Assert.NotNull(document.QuerySelector("#expense-browser"));
    }
}
