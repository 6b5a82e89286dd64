using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Accounts;

/// <summary>
/// Nobody reaches another person's items, through the pages or the API (with a session or an access token). Both tables
/// list requests as "METHOD /url"; {expense}, {category}, {token} and {receipt} stand for the owner's ids. Add a row for every new page handler or API route: the tests check that the owner's own
/// request succeeds, so a row for a route that does not exist fails instead of passing.
/// </summary>
public class IsolationMatrixTests : IDisposable
{
    private const string OwnerMarker = "Owner";

    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>Every request that names an item by id, with the body it sends (form fields, or JSON when it starts with "{").</summary>
    public static TheoryData<string, string?> RequestsNamingAnItem => new()
    {
        { "GET /expenses/{expense}/edit", null },
        { "GET /expenses/{expense}/edit?handler=Row", null },
        { "GET /expenses/{expense}/delete", null },
        { "POST /expenses/{expense}/edit", "Input.Amount=1&Input.Date=2026-11-10&Input.CategoryId=food&Input.Description=Taken over&Input.Tags=&Version=1" },
        { "POST /expenses/{expense}/delete", null },
        { "POST /categories?handler=Rename&id={category}", "Name=Taken over" },
        { "POST /categories?handler=Delete&id={category}", null },
        { "POST /settings/tokens?handler=Revoke&id={token}", null },
        { "GET /api/expenses/{expense}", null },
        { "PUT /api/expenses/{expense}", """{ "amount": "1", "date": "2026-11-10", "categoryId": "food", "description": "Taken over", "version": 1 }""" },
        { "DELETE /api/expenses/{expense}", null },
        { "GET /receipts/{receipt}", null },
        { "GET /receipts/{receipt}/thumbnail", null },
        { "POST /receipts/{receipt}/delete", null },
        { "GET /api/expenses/{expense}/receipts", null },
        { "DELETE /api/expenses/{expense}/receipts/{receipt}", null },
    };

    /// <summary>The API rows of <see cref="RequestsNamingAnItem"/>: scripts send them with an access token instead of a session.</summary>
    public static TheoryData<string, string?> ApiRequestsNamingAnItem()
    {
        var data = new TheoryData<string, string?>();
        foreach (var row in RequestsNamingAnItem.Where(row => ((string)row[0]).Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal)))
        {
            data.Add((string)row[0], (string?)row[1]);
        }

        return data;
    }

    /// <summary>Every list and summary, with something of the owner's that the owner sees there.</summary>
    public static TheoryData<string, string> Lists => new()
    {
        { "GET /", "Owner dinner" },
        { "GET /?handler=Rows", "Owner dinner" },
        { "GET /?handler=Totals", "12,355.67" },
        { "GET /?tag=ownertag", "Owner dinner" },
        { "GET /?q=Owner", "Owner bus" },
        { "GET /?category={category}", "Owner dinner" },
        { "GET /categories", "Owner category" },
        { "GET /settings/tokens", "Owner token" },
        { "GET /settings/budget", "7654.32" },
        { "GET /alerts", "12,345.67" },
        { "GET /alerts?handler=Progress", "12,345.67" },
        { "GET /charts", "12,345.67" },
        { "GET /charts?category={category}", "12,345.67" },
        { "GET /charts?handler=CategoryChart", "Owner category" },
        { "GET /api/me", "test-user@example.com" },
        { "GET /api/expenses", "Owner dinner" },
        { "GET /api/expenses.csv", "Owner dinner" },
        { "GET /api/expenses?tag=ownertag", "Owner dinner" },
        { "GET /api/expenses?category={category}", "Owner dinner" },
        { "GET /api/summaries/by-category", "Owner category" },
        { "GET /api/summaries/by-category?category={category}", "1234567" },
        { "GET /api/summaries/by-day", "1234567" },
        { "GET /api/summaries/by-month", "1234567" },
    };

    [Theory]
    [MemberData(nameof(RequestsNamingAnItem))]
    public Task AnotherPersonUsingTheOwnersIdGets404AndNothingChanges(string request, string? body) =>
        AssertNotFoundAndUnchangedAsync(request, body, withToken: false);

    [Theory]
    [MemberData(nameof(ApiRequestsNamingAnItem))]
    public Task WithAnAccessTokenAnotherPersonUsingTheOwnersIdGets404AndNothingChanges(string request, string? body) =>
        AssertNotFoundAndUnchangedAsync(request, body, withToken: true);

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task AListOrSummaryNeverShowsAnotherPersonsItems(string request, string ownerSees)
    {
        var owned = await factory.AddOneOfEachAsync(factory.DefaultUserId, OwnerMarker);
        var owner = factory.CreatePlainClient();
        var (intruder, _) = await factory.CreateUserAsync("intruder@example.com");
        string[] ownersTraces = ["Owner dinner", "Owner bus", "Owner category", "Owner token", "ownertag", "12,355.67", "12,345.67", "1234567",
            "7,654.32", "7654.32", factory.DefaultEmail, owned.ExpenseId, owned.CategoryId, owned.TokenId, owned.TokenSecret, owned.ReceiptId, "Owner receipt"];

        var seen = await (await SendAsync(intruder, request, null, owned)).Content.ReadAsStringAsync();

        // What the intruder typed into the request (a tag, a category id) may be echoed back in the filter form.
        var asked = Uri.UnescapeDataString(request.Replace("{category}", owned.CategoryId));
        Assert.All(ownersTraces.Where(trace => !asked.Contains(trace, StringComparison.OrdinalIgnoreCase)),
            trace => Assert.DoesNotContain(trace, seen, StringComparison.OrdinalIgnoreCase));
        var own = await SendAsync(owner, request, null, owned);
        Assert.Contains(ownerSees, await own.Content.ReadAsStringAsync());
    }

    private async Task AssertNotFoundAndUnchangedAsync(string request, string? body, bool withToken)
    {
        var owned = await factory.AddOneOfEachAsync(factory.DefaultUserId, OwnerMarker);
        var owner = factory.CreatePlainClient();
        var (intruder, intruderId) = await factory.CreateUserAsync("intruder@example.com");
        // The intruder has items of every kind too: a handler that ignored the id and took the caller's own would show.
        var intruders = await factory.AddOneOfEachAsync(intruderId, "Intruder");
        if (withToken)
        {
            intruder = factory.CreateAnonymousClient();
            intruder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", intruders.TokenSecret);
        }

        var ownerBefore = await factory.SnapshotAsync(factory.DefaultUserId);
        var intruderBefore = await factory.SnapshotAsync(intruderId);

        var response = await SendAsync(intruder, request, body, owned);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ownerBefore, await factory.SnapshotAsync(factory.DefaultUserId));
        Assert.Equal(intruderBefore, await factory.SnapshotAsync(intruderId));
        var own = await SendAsync(owner, request, body, owned);
        Assert.True((int)own.StatusCode < 400, $"the owner's own {request} answered {(int)own.StatusCode}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string request, string? body, OwnedItems owned)
    {
        string Fill(string text) => text.Replace("{expense}", owned.ExpenseId).Replace("{category}", owned.CategoryId).Replace("{token}", owned.TokenId).Replace("{receipt}", owned.ReceiptId);
        var (method, url) = (request.Split(' ')[0], Fill(request.Split(' ')[1]));
        var message = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET" && !url.StartsWith("/api/", StringComparison.Ordinal))
        {
            // The caller's own antiforgery token, as the pages and htmx send it: only the id is someone else's.
            var token = (await client.GetDocumentAsync("/")).AntiforgeryToken()!;
            message.Headers.Add("RequestVerificationToken", token);
        }

        if (method != "GET" && (body is not null || !url.StartsWith("/api/", StringComparison.Ordinal)))
        {
            message.Content = body is not null && body.StartsWith('{')
                ? new StringContent(Fill(body), Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Fill(body ?? ""))
                    .Select(field => KeyValuePair.Create(field.Key, field.Value.ToString())));
        }

        return await client.SendAsync(message);
    }
}
