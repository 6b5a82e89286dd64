using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.DataProtection;

/// <summary>Two app instances, as two Lambda instances would be: the form one renders must post to the other.</summary>
public class SharedKeyRingTests
{
    internal static readonly Dictionary<string, string> Expense = new() { ["Input.Amount"] = "120", ["Input.CategoryId"] = "food" };

    [Fact]
    public async Task AnAppSharingTheStoreAcceptsAFormAnotherAppRendered()
    {
        using var first = new ExpenseTrackerFactory();
        using var second = new StoreFactory(first.DatabasePath);

        var response = await PostElsewhereAsync(first, second);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Single(await second.AllExpensesAsync());
    }

    [Fact]
    public async Task AnAppWithAnotherStoreRefusesTheForm()
    {
        using var first = new ExpenseTrackerFactory();
        using var stranger = new ExpenseTrackerFactory();

        var response = await PostElsewhereAsync(first, stranger);

        // Its keys cannot read the session cookie either, so the post is sent to sign in before the form is looked at.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Empty(await stranger.AllExpensesAsync());
    }

    /// <summary>
    /// Signs in on <paramref name="renderer"/> through its form, renders the add form there, and posts it to
    /// <paramref name="receiver"/> with the session and antiforgery cookies.
    /// </summary>
    internal static async Task<HttpResponseMessage> PostElsewhereAsync(ExpenseTrackerFactory renderer, ExpenseTrackerFactory receiver)
    {
        var rendererCookies = new CookieJar();
        var client = renderer.CreateDefaultClient(rendererCookies);
        await renderer.EnsureDefaultAccountAsync();
        await client.SignInAsync(renderer.DefaultEmail, ExpenseTrackerFactory.Password);
        var page = await client.GetDocumentAsync("/");
        var receiverCookies = new CookieJar();
        rendererCookies.CopyTo(receiverCookies);

        return await receiver.CreateDefaultClient(receiverCookies).SubmitAsync(page.Form("#add-form"), Expense);
    }

    private sealed class StoreFactory(string databasePath) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Storage:Sqlite:Path", databasePath)];
    }
}
