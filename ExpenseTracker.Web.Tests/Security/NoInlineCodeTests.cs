using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Security;

/// <summary>
/// The Content-Security-Policy forbids inline script and inline style, so no page may contain any: a violation would
/// silently break in the browser. Every page of the app is found from its routes, so new pages are checked too.
/// </summary>
public class NoInlineCodeTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task NoPageOrFragmentHasInlineScriptEventHandlersOrStyleAttributes()
    {
        var owned = await factory.AddOneOfEachAsync(factory.DefaultUserId, "Owner");
        var signedIn = factory.CreatePlainClient();
        var anonymous = factory.CreateAnonymousClient();
        // Pages whose route takes a value need an example; add one for every such new page.
        var examples = new Dictionary<string, string>
        {
            ["expenses/{id}/edit"] = $"/expenses/{owned.ExpenseId}/edit",
            ["expenses/{id}/delete"] = $"/expenses/{owned.ExpenseId}/delete",
            ["error/{status:int}"] = "/error/404",
            ["receipts/{id}/{handler?}"] = $"/receipts/{owned.ReceiptId}",
        };
        // Pages that answer a file, never markup: a receipt is served under a sandboxing policy of its own
        // (AttachingReceiptsTests check it).
        string[] withoutMarkup = ["receipts/{id}/{handler?}"];
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor)
            .Select(endpoint => endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Contains("account/login", routes);

        var checkedPages = 0;
        foreach (var route in routes)
        {
            var url = route.Contains('{') ? examples.GetValueOrDefault(route) ?? throw new Xunit.Sdk.XunitException($"Add an example URL for the page {route}.") : "/" + route;
            var response = await signedIn.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                // Sign-in and registration send a signed-in person on; they are checked as a visitor sees them.
                response = await anonymous.GetAsync(url);
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            if (withoutMarkup.Contains(route))
            {
                var markup = response.Content.Headers.ContentType?.MediaType == "text/html" && (await response.Content.ReadAsStringAsync()).Trim().Length > 0;
                Assert.False(markup, $"GET {url} answered markup; check it as a page");
                continue;
            }

            AssertNoInlineCode(await Html.ParseAsync(response), url);
            checkedPages++;
        }

        string[] fragments = ["/?handler=Rows", "/?handler=Totals", $"/expenses/{owned.ExpenseId}/edit", $"/expenses/{owned.ExpenseId}/edit?handler=Row",
            "/charts?handler=CategoryChart", "/alerts?handler=Progress"];
        foreach (var fragment in fragments)
        {
            AssertNoInlineCode(await Html.ParseFragmentAsync(await signedIn.HtmxGetAsync(fragment)), fragment);
        }

        var page = await signedIn.GetDocumentAsync("/");
        var invalidAdd = await signedIn.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "-1" }, htmx: true);
        AssertNoInlineCode(await Html.ParseFragmentAsync(invalidAdd), "the add form with errors");
        var budget = await signedIn.GetDocumentAsync("/settings/budget");
        var invalidBudget = await signedIn.SubmitAsync(budget.Form("#budget-form"), new Dictionary<string, string> { ["Input.Amount"] = "-1" }, htmx: true);
        AssertNoInlineCode(await Html.ParseFragmentAsync(invalidBudget), "the budget form with errors");
        Assert.True(checkedPages >= 14, $"only {checkedPages} pages were found");
    }

    [Fact]
    public async Task HtmxKeepsItsIndicatorStylesInTheStylesheetInsteadOfInjectingThem()
    {
        var client = factory.CreateAnonymousClient();
        var page = await client.GetDocumentAsync("/account/login");

        var config = JsonDocument.Parse(page.QuerySelector("meta[name=htmx-config]")!.GetAttribute("content")!);

        Assert.False(config.RootElement.GetProperty("includeIndicatorStyles").GetBoolean());
        Assert.Contains(".htmx-request .htmx-indicator", await client.GetStringAsync("/static/css/site.css"));
    }

    private static void AssertNoInlineCode(IHtmlDocument document, string where)
    {
        var elements = document.QuerySelectorAll("*").ToList();
        Assert.True(elements.Count > 3, $"{where} has no content to check");
        Assert.All(elements, element =>
        {
            var description = $"<{element.LocalName} id=\"{element.Id}\"> in {where}";
            // A JSON data block (type="application/json") is never run, so the policy lets it be; any other inline script is refused.
            Assert.False(element.LocalName == "script" && !element.HasAttribute("src") && element.GetAttribute("type") != "application/json", $"inline script: {description}");
            Assert.False(element.LocalName == "style", $"style element: {description}");
            Assert.False(element.HasAttribute("style"), $"style attribute: {description}");
            Assert.All(element.Attributes, attribute =>
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} handler: {description}");
                // hx-on needs eval, which the policy forbids as well.
                Assert.False(attribute.Name.StartsWith("hx-on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name}: {description}");
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"javascript: URL in {attribute.Name}: {description}");
            });
        });
    }
}
