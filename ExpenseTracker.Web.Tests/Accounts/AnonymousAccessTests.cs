using System.Net;
using System.Net.Http.Json;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Accounts;

/// <summary>Without a session (or token) pages send people to sign in, and the API answers 401 ProblemDetails.</summary>
public class AnonymousAccessTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>Every page and page handler, read and write. Add a row for every new one.</summary>
    public static TheoryData<string> Pages => new()
    {
        "GET /",
        "GET /?handler=Rows",
        "GET /?handler=Totals",
        "GET /expenses/some-id/edit",
        "GET /expenses/some-id/edit?handler=Row",
        "GET /expenses/some-id/delete",
        "GET /categories",
        "GET /charts",
        "GET /charts?handler=CategoryChart",
        "GET /alerts",
        "GET /alerts?handler=Progress",
        "GET /settings/budget",
        "GET /settings/tokens",
        "GET /account",
        "GET /account/delete",
        "POST /?handler=Add",
        "POST /expenses/some-id/edit",
        "POST /expenses/some-id/delete",
        "POST /categories?handler=Add",
        "POST /categories?handler=Rename&id=some-id",
        "POST /categories?handler=Delete&id=some-id",
        "POST /settings/budget",
        "POST /settings/tokens?handler=Create",
        "POST /settings/tokens?handler=Revoke&id=some-id",
        "POST /account",
        "POST /account/delete",
    };

    /// <summary>Every API route. Add a row for every new one.</summary>
    public static TheoryData<string> ApiRoutes => new()
    {
        "GET /api/me",
        "GET /api/expenses",
        "POST /api/expenses",
        "GET /api/expenses/some-id",
        "PUT /api/expenses/some-id",
        "DELETE /api/expenses/some-id",
        "GET /api/summaries/by-category",
        "GET /api/summaries/by-day",
        "GET /api/summaries/by-month",
        "GET /api/expenses.csv",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task APageSendsAnAnonymousVisitorToSignInAndBack(string request)
    {
        var url = request.Split(' ')[1];

        var response = await factory.CreateAnonymousClient().SendAsync(Request(request));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?returnUrl={Uri.EscapeDataString(url)}", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task TheApiAnswersAnAnonymousCallerWith401ProblemDetails(string request)
    {
        var response = await factory.CreateAnonymousClient().SendAsync(Request(request));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal((401, "Not signed in"), (problem!.Status, problem.Title));
    }

    [Fact]
    public void OnlySigningInRegisteringSigningOutErrorPagesHealthTheApiDescriptionRobotsTxtAndTheInstallableAppsFilesAreOpenToAnonymousVisitors()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var open = endpoints.Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(endpoint => endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Order(StringComparer.Ordinal);

        // The Web Adapter polls /healthz without a session; the OpenAPI document describes the API and holds no user data;
        // crawlers read robots.txt without one; the manifest, the service worker and the offline page make the app
        // installable and hold none either.
        Assert.Equal(
            ["_htmx/antiforgery.js", "account/login", "account/logout", "account/register", "error/{status:int}", "healthz", "healthz/live",
             "manifest.webmanifest", "offline", "openapi/{documentName}.json", "robots.txt", "sw.js"],
            open);
        Assert.NotEmpty(endpoints);
    }

    [Theory]
    [InlineData("/healthz", "text/plain")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/error/404", "text/html")]
    [InlineData("/robots.txt", "text/plain")]
    public async Task TheOpenEndpointsAnswerAnAnonymousVisitor(string url, string mediaType)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
    }

    private static HttpRequestMessage Request(string request)
    {
        var (method, url) = (request.Split(' ')[0], request.Split(' ')[1]);
        return new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : new FormUrlEncodedContent([]) };
    }
}
