using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExpenseTracker.Web.Tests.DataProtection;

/// <summary>Two app instances, as two Lambda instances would be: the form one renders must post to the other.</summary>
public class SharedKeyRingTests
{
    private static readonly Dictionary<string, string> Expense = new() { ["Input.Amount"] = "120", ["Input.CategoryId"] = "food" };

    [Fact]
    public async Task AnAppSharingTheStoreAcceptsAFormAnotherAppRendered()
    {
        using var first = new ExpenseTrackerFactory();
        using var second = new StoreFactory(first.DatabasePath);

        var response = await PostElsewhereAsync(first, second);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AnAppWithAnotherStoreRefusesTheForm()
    {
        using var first = new ExpenseTrackerFactory();
        using var stranger = new ExpenseTrackerFactory();

        var response = await PostElsewhereAsync(first, stranger);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Renders the add form on <paramref name="renderer"/> and posts it, with its cookie, to <paramref name="receiver"/>.</summary>
    private static async Task<HttpResponseMessage> PostElsewhereAsync(ExpenseTrackerFactory renderer, ExpenseTrackerFactory receiver)
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var pageResponse = await renderer.CreateClient(options).GetAsync("/");
        var cookie = pageResponse.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        var page = await Html.ParseAsync(pageResponse);
        var client = receiver.CreateClient(options);
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        return await client.SubmitAsync(page.Form("#add-form"), Expense);
    }

    private sealed class StoreFactory(string databasePath) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Storage:Sqlite:Path", databasePath)];
    }
}
