using System.Net;
using ExpenseTracker.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>Signing in and registering through the real forms, as a person would, or calling the API with a token, as a script would.</summary>
public static class AccountSteps
{
    public static async Task<HttpResponseMessage> SubmitLoginAsync(this HttpClient client, string email, string password, string url = "/account/login")
    {
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(page.Form("#login-form"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var problem = (await Html.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent;
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}: {problem}");
        }
    }

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password, string? confirmation = null)
    {
        var page = await client.GetDocumentAsync("/account/register");
        return await client.SubmitAsync(page.Form("#register-form"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation ?? password,
        });
    }

    /// <summary>Whether the client's session is alive: the expense list answers instead of redirecting to sign-in.</summary>
    public static async Task<bool> IsSignedInAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/");
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal) => false,
            _ => throw new InvalidOperationException($"GET / answered {(int)response.StatusCode}"),
        };
    }

    /// <summary>A client that calls the API as a script does: with a fresh access token of <paramref name="userId"/> (the default user's account is made first).</summary>
    public static async Task<HttpClient> CreateTokenClientAsync(this ExpenseTrackerFactory factory, string? userId = null)
    {
        userId ??= factory.DefaultUserId;
        if (userId == factory.DefaultUserId)
        {
            await factory.EnsureDefaultAccountAsync();
        }

        var (_, secret) = await factory.Services.GetRequiredService<AccessTokens>().CreateAsync(userId, "script");
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

}
