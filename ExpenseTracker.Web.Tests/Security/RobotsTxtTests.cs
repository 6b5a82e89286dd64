using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Security;

public sealed class RobotsTxtTests(ExpenseTrackerFactory factory) : IClassFixture<ExpenseTrackerFactory>
{
    [Fact]
    public async Task RobotsTxtAsksEveryCrawlerToStayOutOfTheWholeApp()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["User-agent: *", "Disallow: /"], lines);
    }
}
