using System.Net;
using System.Text.Json;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Api;

public class OpenApiDocumentTests(ExpenseTrackerFactory factory) : IClassFixture<ExpenseTrackerFactory>
{
    [Fact]
    public async Task TheOpenApiDocumentIsPublicAndListsTheSummaryAndExpenseRoutesWithTheirMethods()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        string[] Methods(string path) => [.. paths.GetProperty(path).EnumerateObject().Select(method => method.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(["get"], Methods("/api/summaries/by-category"));
        Assert.Equal(["get"], Methods("/api/summaries/by-day"));
        Assert.Equal(["get"], Methods("/api/summaries/by-month"));
        Assert.Equal(["get", "post"], Methods("/api/expenses"));
        Assert.Equal(["delete", "get", "put"], Methods("/api/expenses/{id}"));
        Assert.Equal(["get"], Methods("/api/expenses.csv"));
    }

    [Fact]
    public async Task TheDocumentDescribesErrorsAndTheAmountThatMayBeAStringOrANumber()
    {
        var document = JsonDocument.Parse(await factory.CreateAnonymousClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var put = document.GetProperty("paths").GetProperty("/api/expenses/{id}").GetProperty("put").GetProperty("responses");
        Assert.Equal(["200", "400", "404", "409"], put.EnumerateObject().Select(status => status.Name).Order(StringComparer.Ordinal));
        var amount = document.GetProperty("components").GetProperty("schemas").GetProperty("ExpenseRequest").GetProperty("properties").GetProperty("amount");
        Assert.Equal(["string", "number"], amount.GetProperty("oneOf").EnumerateArray().Select(option => option.GetProperty("type").GetString()));
        var byDay = document.GetProperty("paths").GetProperty("/api/summaries/by-day").GetProperty("get");
        Assert.Equal(["category", "from", "tag", "to"], byDay.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }
}
