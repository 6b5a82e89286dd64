using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Hosting;

public class ProxyHeadersTests
{
    [Fact]
    public async Task BehindTheProxyTheViewersHttpsMakesCookiesSecure()
    {
        using var factory = new ProxiedFactory(behindProxy: true);

        var setCookie = await AntiforgerySetCookieAsync(factory);

        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutTheProxyFlagForwardedHeadersAreIgnored()
    {
        using var factory = new ProxiedFactory(behindProxy: false);

        var setCookie = await AntiforgerySetCookieAsync(factory);

        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> AntiforgerySetCookieAsync(ExpenseTrackerFactory factory)
    {
        // The sign-in page, whose form sets the antiforgery cookie for a visitor.
        var client = factory.CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "expenses.example.org");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7, 198.51.100.20");

        var response = await client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }

    private sealed class ProxiedFactory(bool behindProxy) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hosting:BehindProxy", behindProxy ? "true" : "false")];
    }
}
