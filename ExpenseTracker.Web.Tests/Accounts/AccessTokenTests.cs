using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Storage.Sqlite;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Accounts;

public class AccessTokenTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ANewTokenIsShownOnceAndCallsTheApiAsItsOwner()
    {
        var client = factory.CreatePlainClient();

        var (response, secret) = await CreateTokenAsync(client, "bank import");

        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.StartsWith("et_", secret);
        var settings = await client.GetAsync("/settings/tokens");
        var html = await settings.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, html);
        Assert.Contains("bank import", (await Html.ParseAsync(settings)).QuerySelector("#tokens .token-name")!.TextContent);
        var me = await ScriptClient(secret).GetFromJsonAsync<AccountsApi.CurrentAccount>("/api/me");
        Assert.Equal(new AccountsApi.CurrentAccount(factory.DefaultUserId, factory.DefaultEmail), me);
    }

    [Fact]
    public async Task OnlyAHashOfTheSecretIsStored()
    {
        var (_, secret) = await CreateTokenAsync(factory.CreatePlainClient(), "bank import");

        await using var connection = await factory.Services.GetRequiredService<SqliteDatabase>().OpenAsync();
        var stored = Assert.Single(await connection.QueryAsync<string>("SELECT secret_hash FROM access_tokens"));
        Assert.Equal(AccessTokens.Hash(secret), stored);
        Assert.Equal(64, stored.Length);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM access_tokens WHERE instr(name || secret_hash || id || user_id, @secret) > 0", new { secret = secret[3..] }));
    }

    [Fact]
    public async Task ARevokedTokenStopsWorkingWithTheVeryNextRequest()
    {
        var client = factory.CreatePlainClient();
        var (_, secret) = await CreateTokenAsync(client, "old script");
        var script = ScriptClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);
        var page = await client.GetDocumentAsync("/settings/tokens");

        var revoke = await client.SubmitAsync(page.Form("form[action*=Revoke]"), htmx: true);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Contains("Token revoked", revoke.Flash()!.Text);
        var refused = await script.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal("The access token is not valid or has been revoked.", problem!.Detail);
        Assert.NotNull((await client.GetDocumentAsync("/settings/tokens")).QuerySelector("#no-tokens"));
    }

    [Theory]
    [InlineData("et_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("et_not-a-token")]
    [InlineData("garbage")]
    [InlineData("")]
    public async Task AnUnknownOrMalformedTokenGets401ProblemDetails(string secret)
    {
        var response = await ScriptClient(secret).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task PagesDoNotAcceptTokensOnlyTheSession()
    {
        var (_, secret) = await CreateTokenAsync(factory.CreatePlainClient(), "script");

        var response = await ScriptClient(secret).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("", "Give the token a name")]
    [InlineData("   ", "Give the token a name")]
    public async Task ATokenNeedsAName(string name, string message)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/settings/tokens");

        var response = await client.SubmitAsync(page.Form("form[action*=Create]"), new Dictionary<string, string> { ["Input.Name"] = name }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector("#new-token-error")!.TextContent);
        Assert.Null(document.QuerySelector("#new-token"));
        Assert.Empty(await factory.Services.GetRequiredService<IAccessTokenStore>().ListAsync(factory.DefaultUserId));
    }

    [Fact]
    public async Task AnOverlongNameIsRefused()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/settings/tokens");

        var response = await client.SubmitAsync(page.Form("form[action*=Create]"), new Dictionary<string, string> { ["Input.Name"] = new string('n', 61) });

        Assert.Contains("at most 60 characters", (await Html.ParseAsync(response)).QuerySelector("#new-token-error")!.TextContent);
    }

    [Fact]
    public async Task TwentyTokensAreTheMostOnePersonCanHold()
    {
        var client = factory.CreatePlainClient();
        var tokens = factory.Services.GetRequiredService<AccessTokens>();
        for (var i = 0; i < AccessTokens.MaxTokensPerUser; i++)
        {
            await tokens.CreateAsync(factory.DefaultUserId, $"script {i}");
        }

        var page = await client.GetDocumentAsync("/settings/tokens");
        var response = await client.SubmitAsync(page.Form("form[action*=Create]"), new Dictionary<string, string> { ["Input.Name"] = "one more" }, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Revoke one you no longer use", (await Html.ParseAsync(response)).QuerySelector("#new-token-error")!.TextContent);
        Assert.Equal(AccessTokens.MaxTokensPerUser, (await tokens.ListAsync(factory.DefaultUserId)).Count);
    }

    private HttpClient ScriptClient(string secret)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<(HttpResponseMessage Response, string Secret)> CreateTokenAsync(HttpClient client, string name)
    {
        var page = await client.GetDocumentAsync("/settings/tokens");
        var response = await client.SubmitAsync(page.Form("form[action*=Create]"), new Dictionary<string, string> { ["Input.Name"] = name }, htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = ((AngleSharp.Html.Dom.IHtmlInputElement)(await Html.ParseAsync(response)).QuerySelector("#tokens #new-token-secret")!).Value;
        return (response, secret);
    }
}
