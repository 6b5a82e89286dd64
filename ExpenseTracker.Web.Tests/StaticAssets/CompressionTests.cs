using System.Net.Http.Headers;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.StaticAssets;

public class CompressionTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheAssetsTravelCompressedToABrowserThatAcceptsIt(string encoding)
    {
        var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/static/vendor/bootstrap.min.css");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 60_000, "232 KB of CSS should travel in well under 60 KB.");
    }

    [Fact]
    public async Task PagesNeverDoSinceTheyHoldTheAntiforgeryToken()
    {
        var client = factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await client.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("htmx-config", await response.Content.ReadAsStringAsync());
    }
}
