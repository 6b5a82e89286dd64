using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;

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
}
