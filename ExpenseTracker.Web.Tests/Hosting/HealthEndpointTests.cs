using System.Net;
using ExpenseTracker.Web.Hosting;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Tests.Hosting;

public class HealthEndpointTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>The Web Adapter asks without a session, so both tests do too.</summary>
    [Fact]
    public async Task TheHealthEndpointAnswersHealthyWhenTheStoreIsReady()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync(HealthEndpointExtensions.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheHealthEndpointAnswers503WhenTheStoreLostItsData()
    {
        var client = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpointExtensions.Path)).StatusCode);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!, "expenses.db*"))
        {
            File.Delete(file);
        }

        var response = await client.GetAsync(HealthEndpointExtensions.Path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheLivenessEndpointAnswersHealthyWithoutAskingTheStore()
    {
        var client = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpointExtensions.Path)).StatusCode);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!, "expenses.db*"))
        {
            File.Delete(file);
        }

        var live = await client.GetAsync(HealthEndpointExtensions.LivePath);
        var ready = await client.GetAsync(HealthEndpointExtensions.Path);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
