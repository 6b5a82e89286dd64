using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ExpenseTracker.Web.Hosting;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>The real app with Storage:Provider=DynamoDb against DynamoDB Local, as a person would run it.</summary>
public class DynamoDbAppFactory(string serviceUrl, string tableName, bool createTable = false, string? userId = null) : ExpenseTrackerFactory
{
    /// <summary>A person of this app's own, unless given (a second instance serving the same person).</summary>
    public string UserId { get; } = userId ?? StoreTestData.NewUserId();

    // The engine is shared by many tests: this app's default account is a person of its own.
    public override string DefaultUserId => UserId;

    public override string DefaultEmail => $"{UserId}@example.com";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Storage:Provider", "DynamoDb"),
        new("Storage:DynamoDb:ServiceUrl", serviceUrl),
        new("Storage:DynamoDb:TableName", tableName),
        new("Storage:DynamoDb:CreateTableIfMissing", createTable ? "true" : "false"),
    ];
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbAppTests(DynamoDbLocal engine) : IDisposable
{
    private readonly DynamoDbAppFactory factory = new(engine.ServiceUrl, engine.TableName);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheAppAddsListsAndTotalsExpensesInDynamoDb()
    {
        var client = factory.CreatePlainClient();

        await AddAsync(client, "1,234.50", "Dinner with friends", "friends, weekend");
        var list = await client.GetDocumentAsync("/");

        var row = Assert.Single(list.QuerySelectorAll("#expense-rows tr[id^=expense-]"));
        Assert.Contains("₹1,234.50", row.TextContent);
        Assert.Contains("Dinner with friends", row.TextContent);
        Assert.Equal("₹1,234.50", list.QuerySelector("[data-total]")!.TextContent);
    }

    [Fact]
    public async Task AStaleEditThroughTheHtmxFormAnswersConflictAndKeepsTheFirstSave()
    {
        var client = factory.CreatePlainClient();
        await AddAsync(client, "250", "Lunch", "");
        var list = await client.GetDocumentAsync("/");
        var id = list.QuerySelector("#expense-rows tr[id^=expense-]")!.Id!["expense-".Length..];
        var first = await OpenEditRowAsync(client, id);
        var second = await OpenEditRowAsync(client, id);

        var saved = await client.SubmitAsync(first.Form("form.edit-row"), new Dictionary<string, string> { ["Input.Amount"] = "300" }, htmx: true);
        var stale = await client.SubmitAsync(second.Form("form.edit-row"), new Dictionary<string, string> { ["Input.Amount"] = "400" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed elsewhere", (await Html.ParseFragmentAsync(stale)).QuerySelector("[role=alert]")!.TextContent);
        var after = await client.GetDocumentAsync("/");
        Assert.Contains("₹300.00", after.QuerySelector("#expense-rows")!.TextContent);
        Assert.Equal("₹300.00", after.QuerySelector("[data-total]")!.TextContent);
    }

    [Fact]
    public async Task WithCreateTableIfMissingTheAppCreatesItsTableAtStartUp()
    {
        var tableName = "ExpenseTracker-" + Guid.NewGuid().ToString("N");
        using var fresh = new DynamoDbAppFactory(engine.ServiceUrl, tableName, createTable: true);

        var response = await fresh.CreatePlainClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = await engine.Client.DescribeTableAsync(tableName);
        Assert.Equal("LSI1", Assert.Single(table.Table.LocalSecondaryIndexes).IndexName);
        Assert.True(table.Table.StreamSpecification.StreamEnabled);
    }

    [Fact]
    public async Task ABudgetSetOnItsPageAlertsInTheHtmxResponseThatCrossesAndOnTheAlertsPage()
    {
        var client = factory.CreatePlainClient();
        var settings = await client.GetDocumentAsync("/settings/budget");
        var saved = await client.SubmitAsync(settings.Form("#budget-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "1,000",
            ["Input.Period"] = "CalendarMonth",
            ["Input.WarningPercent"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync("/");

        var crossing = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "1,200", ["Input.Date"] = "2026-11-14" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, crossing.StatusCode);
        const string Message = "Budget alert: your spending for November 2026 is ₹1,200.00, above your ₹1,000.00 budget.";
        var banner = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlTemplateElement>((await Html.ParseFragmentAsync(crossing)).QuerySelector("template"));
        Assert.Equal(Message, banner.Content.QuerySelector("#budget-alert[hx-swap-oob] [data-message]")!.TextContent);
        var alerts = await client.GetDocumentAsync("/alerts");
        Assert.Equal([Message], alerts.QuerySelectorAll("#alert-table tbody tr [data-message]").Select(cell => cell.TextContent));
        Assert.Contains("(120%): over budget", alerts.QuerySelector("#budget-progress")!.TextContent);
    }

    [Fact]
    public async Task TheHealthEndpointAnswersHealthyWhenTheTableIsReady()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(HealthEndpointExtensions.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheHealthEndpointAnswersUnhealthyWhenTheTableIsMissingOrLacksItsIndex()
    {
        var withoutIndex = "ExpenseTracker-" + Guid.NewGuid().ToString("N");
        var definition = ExpenseTracker.Web.Storage.DynamoDb.DynamoDbTable.Definition(withoutIndex);
        definition.LocalSecondaryIndexes = null;
        definition.AttributeDefinitions.RemoveAll(attribute => attribute.AttributeName == "LSI1SK");
        await engine.Client.CreateTableAsync(definition);
        using var missing = new DynamoDbAppFactory(engine.ServiceUrl, "ExpenseTracker-missing-" + Guid.NewGuid().ToString("N"));
        using var unindexed = new DynamoDbAppFactory(engine.ServiceUrl, withoutIndex);

        var missingResponse = await missing.CreateAnonymousClient().GetAsync(HealthEndpointExtensions.Path);
        var unindexedResponse = await unindexed.CreateAnonymousClient().GetAsync(HealthEndpointExtensions.Path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, missingResponse.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unindexedResponse.StatusCode);
        Assert.Equal("Unhealthy", await unindexedResponse.Content.ReadAsStringAsync());
        await engine.Client.DeleteTableAsync(withoutIndex);
    }

    private static async Task AddAsync(HttpClient client, string amount, string description, string tags)
    {
        var page = await client.GetDocumentAsync("/");
        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = amount,
            ["Input.Date"] = "2026-11-14",
            ["Input.CategoryId"] = "food",
            ["Input.Description"] = description,
            ["Input.Tags"] = tags,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> OpenEditRowAsync(HttpClient client, string id)
    {
        var response = await client.HtmxGetAsync($"/expenses/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseFragmentAsync(response);
    }
}

/// <summary>
/// A store that cannot be reached is a clear 503, never a 500: ProblemDetails on the API, the error page with the
/// store's message for people (htmx shows that page's message too). Nobody can be signed in here (the accounts and
/// the key ring are in the store too), so the requests are those that reach the store first: a bearer token's
/// look-up, and the sign-in page, whose antiforgery token needs the key ring.
/// </summary>
public sealed class UnreachableDynamoDbTests : IDisposable
{
    private readonly DynamoDbAppFactory factory = new($"http://127.0.0.1:{ClosedPort()}", "ExpenseTracker");

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheApiAnswersServiceUnavailableProblemDetails()
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", ExpenseTracker.Web.Accounts.AccessTokens.Prefix + new string('A', 43));

        var response = await client.GetAsync("/api/expenses");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(503, problem!.Status);
        Assert.Equal("Storage unavailable", problem.Title);
        Assert.Contains("cannot be reached", problem.Detail);
        Assert.Equal(TimeSpan.FromSeconds(StoreExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task ABrowserGetsTheErrorPageWithTheStoresMessageAndServiceUnavailable()
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Temporarily unavailable", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("cannot be reached", page.QuerySelector("[data-error-detail]")!.TextContent);
        Assert.Equal(TimeSpan.FromSeconds(StoreExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task AnHtmxRequestAnswersServiceUnavailableWithTheMessageForTheScriptToShow()
    {
        var response = await factory.CreateAnonymousClient().HtmxGetAsync("/account/login");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await Html.ParseAsync(response);
        Assert.Contains("cannot be reached", body.QuerySelector("[data-error-detail]")!.TextContent);
    }

    [Fact]
    public async Task TheHealthEndpointAnswersUnhealthy()
    {
        var response = await factory.CreateAnonymousClient().GetAsync(HealthEndpointExtensions.Path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
