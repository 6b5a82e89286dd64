using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Rendering;

public class PageRenderingTests : IDisposable
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TextOutsideBasicLatinIsWrittenAsItselfWhileMarkupIsStillEscaped()
    {
        var client = factory.CreatePlainClient();
        await factory.AddAsync(ExpenseBuilder.Expense.Costing(1_250).Described("खाना <b>café</b>").Tagged("यात्रा"));

        var html = await client.GetStringAsync("/");

        Assert.Contains("₹1,250.00", html);
        Assert.Contains("खाना &lt;b&gt;café&lt;/b&gt;", html);
        Assert.Contains(">यात्रा<", html);
        Assert.DoesNotContain("&#x20B9;", html);
        Assert.DoesNotContain("<b>café</b>", html);
    }

    [Fact]
    public async Task APageWithNoFlashMessageToShowSetsNoFlashCookie()
    {
        var client = factory.CreatePlainClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), cookie => cookie.StartsWith(TempDataCookie, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFlashMessageTravelsInItsCookieThroughTheRedirectIsShownOnceAndTheCookieIsThenRemoved()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var posted = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "499",
            ["Input.CategoryId"] = "food",
        });
        var shown = await client.GetAsync("/");
        var again = await client.GetDocumentAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(SetCookies(posted), cookie => cookie.StartsWith(TempDataCookie + "=", StringComparison.Ordinal) && !cookie.Contains("1970", StringComparison.Ordinal));
        Assert.Contains("Added ₹499.00 for Food & Dining.", (await Html.ParseAsync(shown)).QuerySelector("[role=status]")!.TextContent);
        Assert.Contains(SetCookies(shown), cookie => cookie.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal) && cookie.Contains("1970", StringComparison.Ordinal));
        Assert.NotNull(again.QuerySelector("#flash[role=status]"));
        Assert.Null(again.QuerySelector("#flash [data-flash]"));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}
