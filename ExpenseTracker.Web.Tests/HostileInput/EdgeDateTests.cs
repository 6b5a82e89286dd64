using System.Net;
using System.Net.Http.Json;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.HostileInput;

/// <summary>
/// Dates at and past the ends of the calendar, and of the app's supported range (2000-01-01 to 2099-12-31), on every
/// route and every form that takes a date: refused in words beside the field (pages) or as a 400 naming the
/// parameter (API), accepted inside the range, never a 500, and nothing stored that should not be. Every GET route of
/// the app gets every edge date, whether or not it takes dates. Run on both stores: each plans its totals from the dates.
/// </summary>
public abstract class EdgeDateTests
{
    /// <summary>A from/to pair, and the parameter a refusal names (null: the pair is inside the range and must be accepted).</summary>
    public static TheoryData<string?, string?, string?> Ranges => new()
    {
        { null, "9999-12-31", "to" },
        { "0001-01-01", null, "from" },
        { "9999-12-01", "9999-12-31", "from" },
        { "0001-01-01", "0001-01-31", "from" },
        { null, "0001-01-15", "to" },
        { "9999-12-31", null, "from" },
        { "1999-12-31", "2000-01-31", "from" },
        { "2099-12-01", "2100-01-01", "to" },
        { "10000-01-01", null, "from" },
        { "not-a-date", null, "from" },
        { null, "2026-02-30", "to" },
        { "2000-01-01", "2000-01-31", null },
        { "2099-12-01", "2099-12-31", null },
        { null, "2000-01-15", null },
    };

    /// <summary>An expense date, and whether the form must refuse it (today is 2026-11-15: a year ahead is the limit).</summary>
    public static TheoryData<string, bool> ExpenseDates => new()
    {
        { "0001-01-01", true },
        { "9999-12-31", true },
        { "1999-12-31", true },
        { "2027-11-16", true },
        { "2099-12-31", true },
        { "2100-01-01", true },
        { "2026-02-30", true },
        { "31/12/2026", true },
        { "2000-01-01", false },
        { "2027-11-15", false },
    };

    protected abstract ExpenseTrackerFactory Factory { get; }

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task EveryGetRouteAnswersAnEdgeRangeWithoutA500AndEveryDateTakingOneRefusesOnlyWhatIsOutside(string? from, string? to, string? refused)
    {
        var expense = await Factory.AddAsync(ExpenseBuilder.Expense.Costing(250).Tagged("edge"));
        var client = Factory.CreatePlainClient();
        var query = string.Join('&', new[] { ("from", from), ("to", to) }.Where(pair => pair.Item2 is not null).Select(pair => $"{pair.Item1}={pair.Item2}"))
            + "&preset=custom";
        var routes = AppRoutes.Of(Factory.Services).Where(route => route.Method == "GET").ToList();
        var dateRoutes = routes.Where(route => route.DateQuery.Count > 0).ToList();
        var shownBesideAField = 0;

        foreach (var route in routes)
        {
            var url = route.Url(expense.Id, query);
            var response = await client.GetAsync(url);
            var context = $"GET {url}";
            Assert.True((int)response.StatusCode < 500, $"{context} answered {(int)response.StatusCode}");
            if (route.Kind == RouteKind.Api && route.DateQuery.Count > 0)
            {
                if (refused is null)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{context} refused a range inside the supported dates: {await response.Content.ReadAsStringAsync()}");
                }
                else
                {
                    await HumanAnswers.AssertProblemAsync(response, HttpStatusCode.BadRequest, context, refused);
                }
            }
            else if (route.Kind == RouteKind.Page && response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                var page = await Html.ParseAsync(response);
                HumanAnswers.AssertNoTypeNames(page.Body!.TextContent, context);
                // Pages that show their date filters say beside the field what is wrong with it.
                if (route.DateQuery.Count > 0 && refused is not null && page.QuerySelector($"input[name='{refused}']") is not null)
                {
                    Assert.Matches("between 2000-01-01 and 2099-12-31|real date", HumanAnswers.MessageBeside(page, refused, context));
                    shownBesideAField++;
                }
                else if (route.DateQuery.Count > 0)
                {
                    Assert.Empty(page.QuerySelectorAll("input.is-invalid[type=date]"));
                }
            }
        }

        string[] expected = ["GET /", "GET /?handler=Rows", "GET /?handler=Totals", "GET /charts", "GET /charts?handler=CategoryChart",
            "GET /api/expenses", "GET /api/summaries/by-category", "GET /api/summaries/by-day", "GET /api/summaries/by-month"];
        Assert.All(expected, name => Assert.Contains(name, dateRoutes.Select(route => route.ToString())));
        Assert.Equal(refused is null ? 0 : 2, shownBesideAField);
    }

    [Theory]
    [InlineData(1, 1, 1, true)]
    [InlineData(9999, 12, 31, true)]
    [InlineData(1999, 12, 31, true)]
    [InlineData(2100, 1, 1, true)]
    [InlineData(2099, 12, 31, false)]
    public async Task ACursorOutsideTheSupportedDatesIsAnInvalidPageLinkNotA500(int year, int month, int day, bool refused)
    {
        var cursor = ListCursor.Encode(new DateOnly(year, month, day), "ffffffffffffffffffffffffffffffff");
        var client = Factory.CreatePlainClient();
        await Factory.AddAsync(ExpenseBuilder.Expense);

        foreach (var url in new[] { "/", "/?handler=Rows" })
        {
            var response = await client.GetAsync($"{url}{(url.Contains('?') ? '&' : '?')}cursor={cursor}");
            if (refused)
            {
                await HumanAnswers.AssertErrorPageAsync(response, HttpStatusCode.BadRequest, url);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        var api = await client.GetAsync($"/api/expenses?cursor={cursor}");
        if (refused)
        {
            await HumanAnswers.AssertProblemAsync(api, HttpStatusCode.BadRequest, "GET /api/expenses");
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(ExpenseDates))]
    public async Task EveryFormWithADateRefusesADateOutsideItsRangeBesideTheFieldAndStoresNothing(string date, bool refused)
    {
        var expense = await Factory.AddAsync(ExpenseBuilder.Expense);
        var client = Factory.CreatePlainClient();
        var forms = AppRoutes.Of(Factory.Services).Where(route => route.DateField is not null).ToList();

        Assert.Equal(["POST /?handler=Add", "POST /expenses/{id}/edit"], forms.Select(route => route.ToString()).Order(StringComparer.Ordinal));
        foreach (var route in forms)
        {
            foreach (var htmx in new[] { false, true })
            {
                var before = await Factory.SnapshotAsync(Factory.DefaultUserId);
                var action = route.Url(expense.Id);
                var page = await client.GetDocumentAsync(action.Split('?')[0]);
                var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(candidate => candidate.GetAttribute("action") == action);
                var context = $"{route} {(htmx ? "through htmx" : "as a plain post")} with the date {date}";

                var response = await client.SubmitAsync(form, new Dictionary<string, string> { [route.DateField!] = date, ["Input.Amount"] = "5" }, htmx, page);

                if (!refused)
                {
                    Assert.True((int)response.StatusCode is 200 or 302, $"{context} answered {(int)response.StatusCode}");
                    Assert.NotEqual(before, await Factory.SnapshotAsync(Factory.DefaultUserId));
                    continue;
                }

                Assert.Equal(htmx ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.OK, response.StatusCode);
                var answer = htmx ? await Html.ParseFragmentAsync(response) : await Html.ParseAsync(response);
                Assert.Matches("^(The date must be between 2000-01-01 and |Enter a real date as YYYY-MM-DD)", HumanAnswers.MessageBeside(answer, route.DateField!, context));
                Assert.Equal(before, await Factory.SnapshotAsync(Factory.DefaultUserId));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExpenseDates))]
    public async Task EveryApiBodyWithADateRefusesADateOutsideItsRangeAsA400NamingTheDateAndStoresNothing(string date, bool refused)
    {
        var expense = await Factory.AddAsync(ExpenseBuilder.Expense);
        var client = Factory.CreatePlainClient();
        var routes = AppRoutes.Of(Factory.Services).Where(route => route.JsonBody?.GetProperty("Date") is not null).ToList();

        Assert.Equal(["POST /api/expenses", "PUT /api/expenses/{id}"], routes.Select(route => route.ToString()).Order(StringComparer.Ordinal));
        foreach (var route in routes)
        {
            var before = await Factory.SnapshotAsync(Factory.DefaultUserId);
            var current = (await client.GetFromJsonAsync<ExpenseResponse>($"/api/expenses/{expense.Id}"))!;
            var url = route.Url(expense.Id);
            var context = $"{route.Method} {url} with the date {date}";

            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), url)
            {
                Content = JsonContent.Create(new { amount = "5", date, categoryId = "food", version = current.Version }),
            });

            if (!refused)
            {
                Assert.True(response.IsSuccessStatusCode, $"{context} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            var problem = await HumanAnswers.AssertProblemAsync(response, HttpStatusCode.BadRequest, context, "date");
            Assert.Matches("^(The date must be between 2000-01-01 and |Enter a real date as YYYY-MM-DD)", problem.Errors["date"][0]);
            Assert.Equal(before, await Factory.SnapshotAsync(Factory.DefaultUserId));
        }
    }
}

public sealed class SqliteEdgeDateTests(OneAppPerClass app) : EdgeDateTests, IClassFixture<OneAppPerClass>
{
    protected override ExpenseTrackerFactory Factory => app.Of(() => new ExpenseTrackerFactory());
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbEdgeDateTests(DynamoDbLocal engine, OneAppPerClass app) : EdgeDateTests, IClassFixture<OneAppPerClass>
{
    protected override ExpenseTrackerFactory Factory => app.Of(() => new DynamoDbAppFactory(engine.ServiceUrl, engine.TableName));
}
