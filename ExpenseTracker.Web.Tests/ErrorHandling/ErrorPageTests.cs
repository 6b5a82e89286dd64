using System.Net;
using ExpenseTracker.Web.Tests.HostileInput;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Tests.ErrorHandling;

public class ErrorPageTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/expenses/no-such-id/edit", HttpStatusCode.NotFound, "Not found")]
    [InlineData("/no/such/page", HttpStatusCode.NotFound, "Not found")]
    [InlineData("/?cursor=tampered", HttpStatusCode.BadRequest, "That request could not be understood")]
    public async Task PeopleGetAFriendlyPageWithTheRightStatus(string url, HttpStatusCode status, string title)
    {
        var response = await factory.CreatePlainClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task ARefusedPostShowsTheErrorPageAndNotABlankResponse()
    {
        var client = factory.CreatePlainClient();
        await client.GetDocumentAsync("/");

        var response = await client.PostAsync("/?handler=Add", new FormUrlEncodedContent([new("Input.Amount", "5")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page was open too long", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AFailureNoHandlerExpectsIsTheHtmlErrorPageOnAPageAndProblemDetailsOnTheApi()
    {
        var client = factory.CreatePlainClient();
        // A database that lost its expenses table: a real failure that no handler of the app knows how to answer.
        using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE expenses RENAME TO expenses_lost";
            rename.ExecuteNonQuery();
        }

        foreach (var htmx in new[] { false, true })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
            if (htmx)
            {
                request.Headers.Add("HX-Request", "true");
            }

            var page = await client.SendAsync(request);

            await HumanAnswers.AssertErrorPageAsync(page, HttpStatusCode.InternalServerError, $"GET / {(htmx ? "through htmx" : "in a browser")}");
        }

        var api = await client.GetAsync("/api/expenses");

        await HumanAnswers.AssertProblemAsync(api, HttpStatusCode.InternalServerError, "GET /api/expenses");
        Assert.DoesNotContain("no such table", await api.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
