using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ExpenseTracker.Web.Tests.HostileInput;

/// <summary>
/// Values of the wrong kind in every field of every JSON body the API reads (found from the routes' own body types):
/// the answer is a 400 whose message names the field and says what it must be, or the value is one the field takes;
/// never a 500, never a .NET type name, and a refused request stores nothing.
/// </summary>
public sealed class JsonTypeConfusionTests(ExpenseTrackerFactory factory) : IClassFixture<ExpenseTrackerFactory>
{
    /// <summary>JSON values no field of ours takes (booleans, objects, nested arrays), and ones only some take.</summary>
    public static TheoryData<string, bool> Values => new()
    {
        { "true", true },
        { """{ "value": 5 }""", true },
        { "[[1]]", true },
        { "1e999", false },
        { "123456789012345678901234567890", false },
        { "-1", false },
        { "3.5", false },
        { "\"\\u0000\"", false },
        { "\"9999-12-31\"", false },
        { "\"\"", false },
        { "null", false },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task AValueOfTheWrongKindInAnyFieldIsA400NamingTheFieldAndStoresNothing(string value, bool noFieldTakesIt)
    {
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Costing(100));
        var client = factory.CreatePlainClient();
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var routes = AppRoutes.Of(factory.Services).Where(route => route.JsonBody is not null).ToList();
        var refusedByName = 0;

        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            foreach (var property in options.GetTypeInfo(route.JsonBody!).Properties.Where(property => property.Set is not null))
            {
                var current = (await client.GetFromJsonAsync<ExpenseResponse>($"/api/expenses/{expense.Id}"))!;
                var body = JsonNode.Parse($$"""{ "amount": "5", "date": "2026-11-10", "categoryId": "food", "version": {{current.Version}} }""")!.AsObject();
                body[property.Name] = JsonNode.Parse(value);
                var before = await factory.SnapshotAsync(factory.DefaultUserId);
                var url = route.Url(expense.Id);
                var context = $"{route.Method} {url} with {property.Name}: {value}";

                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), url)
                {
                    Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                });

                Assert.True((int)response.StatusCode < 500, $"{context} answered {(int)response.StatusCode}");
                if (response.IsSuccessStatusCode)
                {
                    Assert.False(noFieldTakesIt, $"{context} was accepted");
                    continue;
                }

                var problem = await HumanAnswers.AssertProblemAsync(response, HttpStatusCode.BadRequest, context);
                Assert.Equal(before, await factory.SnapshotAsync(factory.DefaultUserId));
                if (problem.Errors.ContainsKey(property.Name))
                {
                    refusedByName++;
                }
                else
                {
                    Assert.False(noFieldTakesIt, $"{context} was refused without naming {property.Name}: {string.Join(", ", problem.Errors.Keys)}");
                }
            }
        }

        Assert.True(refusedByName > 0, "No field was refused by name.");
    }

    [Theory]
    [InlineData("/api/expenses?pageSize=abc", "pageSize")]
    [InlineData("/api/expenses?pageSize=99999999999999999999", "pageSize")]
    [InlineData("/api/expenses?pageSize=-1", "pageSize")]
    [InlineData("/api/expenses?pageSize=1e3", "pageSize")]
    [InlineData("/api/expenses?from=yesterday", "from")]
    [InlineData("/api/expenses?to=%00", "to")]
    [InlineData("/api/expenses?category=%00", "category")]
    [InlineData("/api/summaries/by-day?from=2026-11-01&to=2026-10-01", "to")]
    [InlineData("/api/summaries/by-month?tag=" + "abcdefghijklmnopqrstuvwxyz0123456789", "tag")]
    public async Task AQueryValueThatCannotBeUsedIsA400NamingTheParameterInWords(string url, string parameter)
    {
        var response = await factory.CreatePlainClient().GetAsync(url);

        await HumanAnswers.AssertProblemAsync(response, HttpStatusCode.BadRequest, url, parameter);
    }

    /// <summary>Query values no parameter can use: not text, a number past every limit, a broken character, far too long.</summary>
    public static TheoryData<string> QueryValues => new()
    {
        "%00",
        "abc",
        "99999999999999999999",
        "-1",
        "%FF%FE",
        "2026-13-45",
        new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(QueryValues))]
    public async Task EveryQueryParameterOfEveryApiRouteRefusesAValueItCannotUseByNameInWords(string value)
    {
        var client = factory.CreatePlainClient();
        var routes = AppRoutes.Of(factory.Services).Where(route => route.Kind == RouteKind.Api && route.Method == "GET" && route.Query.Count > 0).ToList();

        Assert.True(routes.Sum(route => route.Query.Count) >= 19, $"Only {routes.Sum(route => route.Query.Count)} query parameters were found.");
        foreach (var route in routes)
        {
            foreach (var parameter in route.Query)
            {
                var url = route.Url("x", $"{parameter}={value}");
                var context = $"GET {url[..Math.Min(url.Length, 120)]}";

                var response = await client.GetAsync(url);

                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{context} answered {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    await HumanAnswers.AssertProblemAsync(response, HttpStatusCode.BadRequest, context, parameter);
                }
            }
        }
    }
}
