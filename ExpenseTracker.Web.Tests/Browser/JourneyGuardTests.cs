using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>The checks every journey relies on catch what they are meant to catch.</summary>
[Collection(BrowserCollection.Name)]
public class JourneyGuardTests(Chromium chromium)
{
    [Fact]
    public async Task ConsoleErrorsPageErrorsFailedRequestsServerErrorsAndCspViolationsAreAllRecorded()
    {
        using var app = new LiveExpenseTrackerFactory();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var problems = new PageProblems(context);
        problems.Expect(404, "/expected-missing");
        await context.RouteAsync("**/unreachable.js", route => route.AbortAsync());
        await context.RouteAsync("**/broken", route => route.FulfillAsync(new RouteFulfillOptions { Status = 500 }));
        await context.RouteAsync("**/missing", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));
        await context.RouteAsync("**/expected-missing", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));
        await context.RouteAsync("**/strict", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = "script-src 'self'" },
            Body = "<!DOCTYPE html><title>strict</title><script>document.title = 'inline ran';</script>",
        }));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.EvaluateAsync(
            """
            async () => {
              console.error("a console error");
              setTimeout(() => { throw new Error("an uncaught error"); });
              await fetch("/unreachable.js").catch(() => {});
              // Each body is read to the end: a response still loading when the page navigates away counts as failed.
              await (await fetch("/broken")).text();
              await (await fetch("/missing")).text();
              await (await fetch("/expected-missing")).text();
            }
            """);
        await page.GotoAsync("/strict");
        await WaitUntilAsync(() => problems.All.Count >= 6);
        await context.CloseAsync();

        var all = string.Join("\n", problems.All);
        Assert.Contains("console error: a console error", all);
        Assert.Contains("page error: Error: an uncaught error", all);
        Assert.Contains("request failed: GET " + new Uri(app.BaseAddress, "/unreachable.js"), all);
        Assert.Contains("server error: GET /broken answered 500", all);
        Assert.Contains("unexpected client error: GET /missing answered 404", all);
        Assert.Contains("CSP violation:", all);
        Assert.DoesNotContain("/expected-missing", all);
    }

    [Fact]
    public async Task AxeFailsAPageWithASeriousViolationAndNamesIt()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><title>t</title><main><img src=\"data:,\"><button></button></main></html>");

        var failure = await Assert.ThrowsAsync<TrueException>(() => Axe.AssertNoSeriousViolationsAsync(page, "broken"));
        await page.CloseAsync();

        Assert.Contains("critical image-alt", failure.Message);
        Assert.Contains("critical button-name", failure.Message);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 50 && !condition(); attempt++)
        {
            await Task.Delay(100);
        }
    }
}

/// <summary>The reload check notices a full reload, so "without reloading the page" in a journey means something.</summary>
[Collection(BrowserCollection.Name)]
public class ReloadGuardJourney(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task AReloadIsNoticed()
    {
        await OpenAsync("/");
        var mark = await MarkPageAsync();

        await Page.ReloadAsync();

        await Assert.ThrowsAsync<EqualException>(() => AssertNoReloadAsync(mark));
    }
}
