using System.Net;
using System.Net.Http.Headers;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseTrackerFactory;

namespace ExpenseTracker.Web.Tests.Accounts;

/// <summary>
/// Deleting an account through its page removes every item it owns in every store (expenses and their totals,
/// categories, the budget, alerts, tokens), and nothing of anyone else's. Each store's test class derives from this and
/// creates its app; a store added later registers an <see cref="IUserDataEraser"/> and extends <see cref="UserData.SnapshotAsync"/>.
/// </summary>
public abstract class AccountDeletionContract : IDisposable
{
    private readonly ExpenseTrackerFactory factory;

    protected AccountDeletionContract() => factory = CreateFactory();

    protected abstract ExpenseTrackerFactory CreateFactory();

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task DeletingAnAccountRemovesAllOfItsItemsAndLeavesOtherPeoplesIntact()
    {
        var owner = await factory.AddOneOfEachAsync(factory.DefaultUserId, "Owner");
        var (_, otherId) = await factory.CreateUserAsync("other@example.com");
        var others = await factory.AddOneOfEachAsync(otherId, "Other");
        var othersBefore = await factory.SnapshotAsync(otherId);
        var client = factory.CreatePlainClient();
        var secondSession = factory.CreatePlainClient();

        var response = await DeleteAccountAsync(client, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("all of its data have been deleted", (await client.GetDocumentAsync(response.Headers.Location!.ToString())).QuerySelector("[role=status]")!.TextContent);
        var empty = await EmptyUserSnapshotAsync();
        Assert.Equal(empty, await factory.SnapshotAsync(factory.DefaultUserId));
        Assert.Empty(await factory.Expenses().StoredDailyTotalsAsync(factory.DefaultUserId, DateOnly.MinValue, DateOnly.MaxValue, tag: "ownertag"));
        Assert.Null(await factory.Services.GetRequiredService<IAccountStore>().FindByNormalizedEmailAsync(factory.DefaultEmail.ToUpperInvariant()));
        Assert.Null(await factory.Services.GetRequiredService<IAccessTokenStore>().FindUserIdAsync(AccessTokens.Hash(owner.TokenSecret)));
        Assert.False(await client.IsSignedInAsync());
        Assert.False(await secondSession.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(owner.TokenSecret).GetAsync("/api/me")).StatusCode);
        Assert.Equal(othersBefore, await factory.SnapshotAsync(otherId));
        Assert.Single(await factory.Expenses().StoredDailyTotalsAsync(otherId, DateOnly.MinValue, DateOnly.MaxValue, tag: "othertag"));
        Assert.Equal(HttpStatusCode.OK, (await WithToken(others.TokenSecret).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task TheEmailOfADeletedAccountCanRegisterAgainAndStartsEmpty()
    {
        await factory.AddOneOfEachAsync(factory.DefaultUserId, "Owner");
        await DeleteAccountAsync(factory.CreatePlainClient(), Password);
        var client = factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync(factory.DefaultEmail, Password)).StatusCode);

        var page = await client.GetDocumentAsync("/");
        Assert.Empty(page.QuerySelectorAll("#expense-rows tr[id^=expense-]"));
        Assert.Equal("₹0.00", page.QuerySelector("[data-total]")!.TextContent);
    }

    [Theory]
    [InlineData("not my passphrase", "That is not your password")]
    [InlineData("", "Enter your password to confirm")]
    public async Task WithoutTheRightPasswordNothingIsDeleted(string password, string message)
    {
        await factory.AddOneOfEachAsync(factory.DefaultUserId, "Owner");
        var client = factory.CreatePlainClient();
        var before = await factory.SnapshotAsync(factory.DefaultUserId);

        var response = await DeleteAccountAsync(client, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).QuerySelector("#account-password-error")!.TextContent);
        Assert.True(await client.IsSignedInAsync());
        var after = await factory.SnapshotAsync(factory.DefaultUserId);
        // A wrong password counts towards the lockout; nothing else changes.
        Assert.Equal(Without(before, "AccessFailedCount"), Without(after, "AccessFailedCount"));
    }

    [Fact]
    public async Task EveryEraserCanRunTwiceSoAnInterruptedDeletionCanBeRepeated()
    {
        await factory.AddOneOfEachAsync(factory.DefaultUserId, "Owner");
        var erasers = factory.Services.GetServices<IUserDataEraser>().ToList();
        Assert.True(erasers.Count >= 5, "one eraser per store: expenses, categories, budgets, alerts, tokens");

        foreach (var eraser in erasers.Concat(erasers))
        {
            await eraser.EraseAsync(factory.DefaultUserId);
        }

        var snapshot = await factory.SnapshotAsync(factory.DefaultUserId);
        Assert.Equal(Without(await EmptyUserSnapshotAsync(), "Account"), Without(snapshot, "Account"));
    }

    private async Task<string> EmptyUserSnapshotAsync() => await factory.SnapshotAsync("nobody-has-this-id");

    private static string Without(string snapshot, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(snapshot)!.AsObject();
        if (node["Account"] is System.Text.Json.Nodes.JsonObject account)
        {
            account.Remove(property);
        }

        node.Remove(property);
        return node.ToJsonString();
    }

    private HttpClient WithToken(string secret)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<HttpResponseMessage> DeleteAccountAsync(HttpClient client, string password)
    {
        var page = await client.GetDocumentAsync("/account/delete");
        return await client.SubmitAsync(page.Form("#delete-account-form"), new Dictionary<string, string> { ["Input.Password"] = password });
    }
}

public sealed class SqliteAccountDeletionTests : AccountDeletionContract
{
    protected override ExpenseTrackerFactory CreateFactory() => new();
}
