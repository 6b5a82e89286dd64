using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ExpenseTracker.Web.Tests.Expenses;

/// <summary>The JSON REST API: round trips, the same validation as the forms, 404, 409 and malformed bodies.</summary>
public class ExpensesApiTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task APostStoresTheExpenseAndAnswers201WithItsLocation()
    {
        var client = factory.CreatePlainClient();

        var response = await client.PostAsync("/api/expenses", Json("""
            { "amount": "1,499.50", "date": "2026-11-14", "categoryId": "food", "description": "Dinner", "tags": ["Friends", "weekend", "friends"] }
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ExpenseResponse>())!;
        Assert.Equal($"/api/expenses/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal(
            (new DateOnly(2026, 11, 14), "1499.50", 149950L, "₹1,499.50", "food", "Food & Dining", "Dinner", 1),
            (created.Date, created.Amount, created.AmountPaise, created.AmountFormatted, created.CategoryId, created.CategoryName, created.Description, created.Version));
        Assert.Equal(["friends", "weekend"], created.Tags);
        var fetched = await client.GetFromJsonAsync<ExpenseResponse>(response.Headers.Location);
        Assert.Equal((created.Id, created.Amount, created.Date, created.Version), (fetched!.Id, fetched.Amount, fetched.Date, fetched.Version));
        Assert.Equal(created.Tags, fetched.Tags);
    }

    [Fact]
    public async Task AnExpenseAddedThroughTheApiShowsOnTheExpensePage()
    {
        var client = factory.CreatePlainClient();

        await client.PostAsync("/api/expenses", Json("""{ "amount": 250, "date": "2026-11-15", "categoryId": "transport", "tags": "work, cab" }"""));

        var page = await client.GetDocumentAsync("/");
        var row = Assert.Single(page.QuerySelectorAll("#expense-rows tr[id^=expense-]"));
        Assert.Contains("₹250.00", row.TextContent);
        Assert.Equal(["cab", "work"], row.QuerySelectorAll(".badge.rounded-pill").Select(tag => tag.TextContent));
    }

    [Theory]
    [InlineData("1234.5", "1234.50", 123450)]
    [InlineData("0.1", "0.10", 10)]
    [InlineData("9999999.99", "9999999.99", 999999999)]
    [InlineData("10000000", "10000000.00", 1000000000)]
    [InlineData("\"₹ 12,34,567\"", "1234567.00", 123456700)]
    public async Task AnAmountSentAsANumberOrStringKeepsItsExactValue(string amount, string stored, long paise)
    {
        var response = await factory.CreatePlainClient().PostAsync("/api/expenses", Json($$"""{ "amount": {{amount}}, "date": "2026-11-15", "categoryId": "other" }"""));

        var created = (await response.Content.ReadFromJsonAsync<ExpenseResponse>())!;
        Assert.Equal((stored, paise), (created.Amount, created.AmountPaise));
    }

    [Theory]
    [InlineData("""{ "date": "2026-11-15", "categoryId": "food" }""", "amount", "Enter an amount.")]
    [InlineData("""{ "amount": "", "date": "2026-11-15", "categoryId": "food" }""", "amount", "Enter an amount.")]
    [InlineData("""{ "amount": "twelve", "date": "2026-11-15", "categoryId": "food" }""", "amount", "at most two decimals")]
    [InlineData("""{ "amount": 12.345, "date": "2026-11-15", "categoryId": "food" }""", "amount", "at most two decimals")]
    [InlineData("""{ "amount": "12.345", "date": "2026-11-15", "categoryId": "food" }""", "amount", "at most two decimals")]
    [InlineData("""{ "amount": 1e3, "date": "2026-11-15", "categoryId": "food" }""", "amount", "at most two decimals")]
    [InlineData("""{ "amount": -5, "date": "2026-11-15", "categoryId": "food" }""", "amount", "The amount must be more than ₹0; leave out the minus sign.")]
    [InlineData("""{ "amount": 0, "date": "2026-11-15", "categoryId": "food" }""", "amount", "The amount must be more than ₹0.")]
    [InlineData("""{ "amount": "0.00", "date": "2026-11-15", "categoryId": "food" }""", "amount", "The amount must be more than ₹0.")]
    [InlineData("""{ "amount": 10000000.01, "date": "2026-11-15", "categoryId": "food" }""", "amount", "The amount can be at most ₹1,00,00,000.00.")]
    [InlineData("""{ "amount": 10, "categoryId": "food" }""", "date", "Enter the date of the expense.")]
    [InlineData("""{ "amount": 10, "date": "2026-02-30", "categoryId": "food" }""", "date", "Enter a real date as YYYY-MM-DD.")]
    [InlineData("""{ "amount": 10, "date": "15/11/2026", "categoryId": "food" }""", "date", "Enter a real date as YYYY-MM-DD.")]
    [InlineData("""{ "amount": 10, "date": "1999-12-31", "categoryId": "food" }""", "date", "The date must be between 2000-01-01 and 2027-11-15.")]
    [InlineData("""{ "amount": 10, "date": "2027-11-16", "categoryId": "food" }""", "date", "The date must be between 2000-01-01 and 2027-11-15.")]
    [InlineData("""{ "amount": 10, "date": "2026-11-15" }""", "categoryId", "Choose a category.")]
    [InlineData("""{ "amount": 10, "date": "2026-11-15", "categoryId": "no-such" }""", "categoryId", "Choose one of the listed categories.")]
    [InlineData("""{ "amount": 10, "date": "2026-11-15", "categoryId": "food", "tags": ["a","b","c","d","e","f","g","h","i","j","k"] }""", "tags", "Use at most 10 tags.")]
    [InlineData("""{ "amount": 10, "date": "2026-11-15", "categoryId": "food", "tags": "a,b,c,d,e,f,g,h,i,j,k" }""", "tags", "Use at most 10 tags.")]
    [InlineData("""{ "amount": 10, "date": "2026-11-15", "categoryId": "food", "tags": ["abcdefghijklmnopqrstuvwxyz12345"] }""", "tags", "at most 30 characters")]
    [InlineData("""{ "amount": 10, "date": "2026-11-15", "categoryId": "food", "tags": ["bad\u0007tag"] }""", "tags", "Tags cannot contain control characters.")]
    [InlineData("""{ "amount": 10, "date": "2026-11-15", "categoryId": "food", "description": "bell\u0007" }""", "description", "characters that cannot be stored")]
    public async Task AnInvalidValueAnswersAValidationProblemForThatFieldAndStoresNothing(string body, string field, string message)
    {
        var client = factory.CreatePlainClient();

        var response = await client.PostAsync("/api/expenses", Json(body));

        await AssertValidationProblemAsync(response, field, message);
        Assert.Empty((await client.GetFromJsonAsync<ExpenseListResponse>("/api/expenses"))!.Items);
    }

    [Fact]
    public async Task ADescriptionLongerThanTheLimitIsAValidationProblem()
    {
        var body = $$"""{ "amount": 10, "date": "2026-11-15", "categoryId": "food", "description": "{{new string('x', 201)}}" }""";

        var response = await factory.CreatePlainClient().PostAsync("/api/expenses", Json(body));

        await AssertValidationProblemAsync(response, "description", "Keep the description to 200 characters (it has 201).");
    }

    [Fact]
    public async Task EveryInvalidFieldIsReportedAtOnceWithCamelCaseKeys()
    {
        var response = await factory.CreatePlainClient().PostAsync("/api/expenses", Json("""{ "amount": "x", "date": "x", "categoryId": "x" }"""));

        var problem = await AssertValidationProblemAsync(response, "categoryId", "Choose one of the listed categories.");
        Assert.Equal(["amount", "categoryId", "date"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{", "body", "The request body is not valid JSON (line 1, character 2).")]
    [InlineData("not json at all", "body", "The request body is not valid JSON (line 1, character")]
    [InlineData("[1, 2]", "body", "The request body must be one JSON object")]
    [InlineData("""{ "amount": true, "date": "2026-11-15", "categoryId": "food" }""", "amount", "\"amount\" must be a string such as \"1499.50\" or a number")]
    [InlineData("""{ "amount": { "rupees": 5 }, "date": "2026-11-15", "categoryId": "food" }""", "amount", "\"amount\" must be a string")]
    [InlineData("""{ "amount": 5, "date": 20261115, "categoryId": "food" }""", "date", "\"date\" must be text in double quotes.")]
    [InlineData("""{ "amount": 5, "date": "2026-11-15", "categoryId": "food", "tags": 7 }""", "tags", "\"tags\" must be an array of strings")]
    [InlineData("""{ "amount": 5, "date": "2026-11-15", "categoryId": "food", "tags": ["ok", 7] }""", "tags", "\"tags\" must be an array of strings")]
    [InlineData("""{ "amount": 5, "date": "2026-11-15", "categoryId": "food", "version": "one" }""", "version", "\"version\" must be a whole number")]
    [InlineData("", "body", "Send the request body as one JSON object")]
    [InlineData("null", "body", "Send the request body as one JSON object")]
    public async Task AMalformedBodyAnswers400NamingTheFieldAndStoresNothing(string body, string field, string message)
    {
        var client = factory.CreatePlainClient();

        var response = await client.PostAsync("/api/expenses", Json(body));

        var problem = await AssertValidationProblemAsync(response, field, message);
        Assert.Equal(problem.Errors[field][0], problem.Detail);
        Assert.Empty((await client.GetFromJsonAsync<ExpenseListResponse>("/api/expenses"))!.Items);
    }

    [Fact]
    public async Task AMalformedBodyOnAnUpdateAnswers400AndChangesNothing()
    {
        var expense = await factory.AddExpenseAsync("2026-11-10", "100");
        var client = factory.CreatePlainClient();

        var response = await client.PutAsync($"/api/expenses/{expense.Id}", Json("""{ "amount": 5, "version": 1 """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("100.00", (await client.GetFromJsonAsync<ExpenseResponse>($"/api/expenses/{expense.Id}"))!.Amount);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonAnswers415ProblemDetails()
    {
        var response = await factory.CreatePlainClient().PostAsync("/api/expenses", new StringContent("amount=5", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Send the body as JSON, with the header Content-Type: application/json.", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task APutWithTheCurrentVersionReplacesTheValuesAndRaisesTheVersion()
    {
        var expense = await factory.AddExpenseAsync("2026-11-10", "100", "food", tags: "old");
        var client = factory.CreatePlainClient();

        var response = await client.PutAsync($"/api/expenses/{expense.Id}", Json("""
            { "amount": "120.75", "date": "2026-11-11", "categoryId": "shopping", "description": "Shoes", "tags": "new, Sale", "version": 1 }
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await client.GetFromJsonAsync<ExpenseResponse>($"/api/expenses/{expense.Id}"))!;
        Assert.Equal(("120.75", new DateOnly(2026, 11, 11), "shopping", "Shoes", 2), (updated.Amount, updated.Date, updated.CategoryId, updated.Description, updated.Version));
        Assert.Equal(["new", "sale"], updated.Tags);
    }

    [Fact]
    public async Task APutWithAStaleVersionAnswers409AndKeepsTheNewerValues()
    {
        var expense = await factory.AddExpenseAsync("2026-11-10", "100");
        var client = factory.CreatePlainClient();
        await client.PutAsync($"/api/expenses/{expense.Id}", Json("""{ "amount": 200, "date": "2026-11-10", "categoryId": "food", "version": 1 }"""));

        var response = await client.PutAsync($"/api/expenses/{expense.Id}", Json("""{ "amount": 300, "date": "2026-11-10", "categoryId": "food", "version": 1 }"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("changed elsewhere", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var current = (await client.GetFromJsonAsync<ExpenseResponse>($"/api/expenses/{expense.Id}"))!;
        Assert.Equal(("200.00", 2), (current.Amount, current.Version));
    }

    [Fact]
    public async Task APutWithoutAVersionIsAValidationProblem()
    {
        var expense = await factory.AddExpenseAsync("2026-11-10", "100");

        var response = await factory.CreatePlainClient().PutAsync($"/api/expenses/{expense.Id}", Json("""{ "amount": 200, "date": "2026-11-10", "categoryId": "food" }"""));

        await AssertValidationProblemAsync(response, "version", "Send the version you last read");
    }

    [Fact]
    public async Task APutWithInvalidValuesIsAValidationProblemAndChangesNothing()
    {
        var expense = await factory.AddExpenseAsync("2026-11-10", "100");
        var client = factory.CreatePlainClient();

        var response = await client.PutAsync($"/api/expenses/{expense.Id}", Json("""{ "amount": "1.001", "date": "2026-11-10", "categoryId": "food", "version": 1 }"""));

        await AssertValidationProblemAsync(response, "amount", "at most two decimals");
        var current = (await client.GetFromJsonAsync<ExpenseResponse>($"/api/expenses/{expense.Id}"))!;
        Assert.Equal(("100.00", 1), (current.Amount, current.Version));
    }

    [Fact]
    public async Task ADeleteAnswers204AndTheExpenseIsGone()
    {
        var expense = await factory.AddExpenseAsync("2026-11-10", "100");
        var client = factory.CreatePlainClient();

        var response = await client.DeleteAsync($"/api/expenses/{expense.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/expenses/{expense.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/expenses/{expense.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task AnUnknownIdAnswers404ProblemDetails(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/expenses/no-such-id");
        if (method == "PUT")
        {
            request.Content = Json("""{ "amount": 5, "date": "2026-11-15", "categoryId": "food", "version": 1 }""");
        }

        var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-id", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task AnotherUsersExpenseIsNotFoundAndNotListed()
    {
        var theirs = await factory.Store().AddExpenseAsync("someone-else", StoredExpenses.Draft("2026-11-10", "100"));
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/expenses/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/expenses/{theirs.Id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<ExpenseListResponse>("/api/expenses"))!.Items);
    }

    [Fact]
    public async Task TheListPagesNewestFirstWithACursorUntilTheLastPage()
    {
        for (var day = 1; day <= 7; day++)
        {
            await factory.AddExpenseAsync($"2026-11-0{day}", $"{day}");
        }

        var client = factory.CreatePlainClient();
        var seen = new List<ExpenseResponse>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await client.GetFromJsonAsync<ExpenseListResponse>($"/api/expenses?pageSize=3{(cursor is null ? "" : $"&cursor={cursor}")}"))!;
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(day => new DateOnly(2026, 11, day)), seen.Select(expense => expense.Date));
    }

    [Fact]
    public async Task TheListFiltersLikeTheExpensePage()
    {
        await factory.AddExpenseAsync("2026-10-31", "1", "food", tags: "work", description: "Lunch at office");
        await factory.AddExpenseAsync("2026-11-02", "2", "food", tags: "work", description: "Team lunch");
        await factory.AddExpenseAsync("2026-11-03", "3", "transport", tags: "work", description: "Cab");
        await factory.AddExpenseAsync("2026-11-04", "4", "food", description: "Lunch alone");
        var client = factory.CreatePlainClient();

        var page = (await client.GetFromJsonAsync<ExpenseListResponse>("/api/expenses?from=2026-11-01&to=2026-11-30&category=food&tag=Work&q=lunch"))!;

        Assert.Equal("Team lunch", Assert.Single(page.Items).Description);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize", "pageSize must be a whole number between 1 and 100.")]
    [InlineData("pageSize=101", "pageSize", "pageSize must be a whole number between 1 and 100.")]
    [InlineData("pageSize=lots", "pageSize", "pageSize must be a whole number between 1 and 100.")]
    [InlineData("pageSize=99999999999999999999", "pageSize", "pageSize must be a whole number between 1 and 100.")]
    [InlineData("to=9999-12-31", "to", "The end date must be between 2000-01-01 and 2099-12-31.")]
    [InlineData("from=2026-13-01", "from", "Enter a real date as YYYY-MM-DD.")]
    [InlineData("from=2026-11-10&to=2026-11-01", "to", "The end date is before the start date.")]
    [InlineData("category=no-such", "category", "That category does not exist.")]
    public async Task AListFilterThatCannotBeUsedIsAValidationProblem(string query, string field, string message)
    {
        var response = await factory.CreatePlainClient().GetAsync($"/api/expenses?{query}");

        await AssertValidationProblemAsync(response, field, message);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "That page link is no longer valid.")]
    public async Task AListCursorThatCannotBeReadAnswers400ProblemDetails(string query, string detail)
    {
        var response = await factory.CreatePlainClient().GetAsync($"/api/expenses?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<ValidationProblemDetails> AssertValidationProblemAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), $"No error for {field}: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Contains(message, problem.Errors[field][0]);
        return problem;
    }
}
