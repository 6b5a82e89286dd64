using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseTrackerFactory;

namespace ExpenseTracker.Web.Tests.Accounts;

public class SignInTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task SigningInLeadsBackToThePageThatAskedForIt()
    {
        await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateAnonymousClient();

        var challenge = await client.GetAsync("/categories?x=1");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var loginUrl = challenge.Headers.Location!.PathAndQuery;
        Assert.Equal("/account/login?returnUrl=%2Fcategories%3Fx%3D1", loginUrl);
        var response = await client.SubmitLoginAsync("ASHA@example.com ", Password, loginUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/categories?x=1", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/categories")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task AReturnUrlOffThisSiteLeadsToTheExpenseListInstead(string returnUrl)
    {
        await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitLoginAsync("asha@example.com", Password, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("asha@example.com", "the wrong passphrase")]
    [InlineData("nobody@example.com", Password)]
    public async Task AWrongPasswordOrUnknownEmailGetsTheSameMessageAndNoSession(string email, string password)
    {
        await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitLoginAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("That email and password do not match an account.", (await Html.ParseAsync(response)).QuerySelector("#login-problem")!.TextContent);
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task AnEmptyFormIsExplainedFieldByField()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitLoginAsync("", "");

        var page = await Html.ParseAsync(response);
        Assert.Contains("Enter your email address", page.QuerySelector("#account-email-error")!.TextContent);
        Assert.Contains("Enter your password", page.QuerySelector("#account-password-error")!.TextContent);
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task TheSessionCookieIsHttpOnlyLaxAndSecureOverHttps(string baseAddress, bool secure)
    {
        await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

        var response = await client.SubmitLoginAsync("asha@example.com", Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("ExpenseTracker.Session=", StringComparison.Ordinal));
        var attributes = cookie.Split("; ").Skip(1).Select(attribute => attribute.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Equal(secure, attributes.Contains("secure"));
        // Without "keep me signed in" the cookie ends with the browser session.
        Assert.DoesNotContain(attributes, attribute => attribute.StartsWith("expires=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeepMeSignedInMakesTheCookieOutliveTheBrowserSession()
    {
        await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateAnonymousClient();
        var page = await client.GetDocumentAsync("/account/login");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#account-rememberme")!).IsChecked = true;

        var response = await client.SubmitAsync(page.Form("#login-form"), new Dictionary<string, string>
        {
            ["Input.Email"] = "asha@example.com",
            ["Input.Password"] = Password,
        });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("ExpenseTracker.Session=", StringComparison.Ordinal));
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheSessionSlidesOnWithUseAndEndsAfterTwoWeeksWithout()
    {
        var client = factory.CreatePlainClient();

        foreach (var days in new[] { 10, 10, 10 })
        {
            factory.Time.Now += TimeSpan.FromDays(days);
            Assert.True(await client.IsSignedInAsync(), "each visit within two weeks of the last one keeps the session");
        }

        factory.Time.Now += TimeSpan.FromDays(15);
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#logout-form"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("You are signed out", (await client.GetDocumentAsync(response.Headers.Location!.ToString())).QuerySelector("[role=status]")!.TextContent);
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task ASignedInPersonOpeningTheSignInPageGoesStraightOn()
    {
        var client = factory.CreatePlainClient();

        var response = await client.GetAsync("/account/login?returnUrl=%2Fcategories");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/categories", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AnHtmxRequestWithoutASessionSendsTheWholePageToSignIn()
    {
        var client = factory.CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/?handler=Totals");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Current-URL", "http://localhost/?tag=trip");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2F%3Ftag%3Dtrip", response.Headers.GetValues("HX-Redirect").Single());
    }
}
