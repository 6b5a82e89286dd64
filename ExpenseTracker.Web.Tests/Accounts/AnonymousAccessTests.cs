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
        "GET /settings/tokens",
        "GET /account",
        "GET /account/delete",
        "POST /?handler=Add",
        "POST /expenses/some-id/edit",
        "POST /expenses/some-id/delete",
        "POST /categories?handler=Add",
        "POST /categories?handler=Rename&id=some-id",
        "POST /categories?handler=Delete&id=some-id",
        "POST /settings/tokens?handler=Create",
        "POST /settings/tokens?handler=Revoke&id=some-id",
        "POST /account",
        "POST /account/delete",
    };

    /// <summary>Every API route. Add a row for every new one.</summary>
    public static TheoryData<string> ApiRoutes => new()
    {
        "GET /api/me",
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
    public void OnlySigningInRegisteringAndSigningOutAreOpenToAnonymousVisitors()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var open = endpoints.Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .Order();

        Assert.Equal(["account/login", "account/logout", "account/register"], open.Select(pattern => pattern!.TrimStart('/')));
        Assert.NotEmpty(endpoints);
    }

    private static HttpRequestMessage Request(string request)
    {
        var (method, url) = (request.Split(' ')[0], request.Split(' ')[1]);
        return new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : new FormUrlEncodedContent([]) };
    }
}
