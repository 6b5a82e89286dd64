using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseTracker.Web.Charts;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Hosting;

namespace ExpenseTracker.Benchmark;

/// <summary>The requests of docs/benchmarks.md, in the order they run: reads of the seeded data first, then writes.</summary>
public static class Scenarios
{
    public const string Trivial = "trivial";
    public const string ExpensePage = "page";

    /// <summary>Rows the expense page and "Load more" show at a time.</summary>
    public const int PageSize = 25;

    public static IReadOnlyList<Scenario> For(DateOnly today)
    {
        var yearAgo = Format(today.AddYears(-1).AddDays(1));
        var year = $"from={yearAgo}&to={Format(today)}";
        return
        [
            new GetScenario(Trivial, "Trivial endpoint, no store (the machine's ceiling)", HealthEndpointExtensions.LivePath,
                body => body == "Healthy" ? null : $"expected \"Healthy\", got \"{Shorten(body)}\""),
            new GetScenario(ExpensePage, "Expense page, first page", "/", body => ExpectRows(body, PageSize, mustOfferMore: true)),
            new DeepRowsScenario(today.AddYears(-2)),
            new GetScenario("filtered", "Expense page filtered by a category", $"/?category={ExpenseGenerator.FilterCategoryId}",
                body => ExpectRows(body, PageSize, mustOfferMore: true)
                    ?? (Count(body, ">Food &amp; Dining</span>") == PageSize ? null : "rows of another category in a filtered list")),
            new GetScenario("by-category", "Summary by category, one year", $"{SummaryEndpoints.BasePath}/by-category?{year}",
                body => ExpectSeries(body, minimumPoints: 2)),
            new GetScenario("by-day", "Summary by day, one year", $"{SummaryEndpoints.BasePath}/by-day?{year}",
                body => ExpectSeries(body, minimumPoints: 365)),
            new GetScenario("by-month", "Summary by month, one year", $"{SummaryEndpoints.BasePath}/by-month?{year}",
                body => ExpectSeries(body, minimumPoints: 12)),
            new AddScenario(today),
            new EditScenario(),
        ];
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static async Task<Outcome> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, Func<string, string?>? check)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != expected)
        {
            return Outcome.Failed($"{(int)response.StatusCode} instead of {(int)expected}: {Shorten(System.Text.Encoding.UTF8.GetString(body))}");
        }

        return new Outcome(body.Length, check?.Invoke(System.Text.Encoding.UTF8.GetString(body)));
    }

    internal static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static string? ExpectRows(string html, int rows, bool mustOfferMore)
    {
        var found = Count(html, "<tr id=\"expense-");
        if (found != rows)
        {
            return $"expected {rows} expense rows, found {found}";
        }

        return mustOfferMore && !html.Contains("id=\"load-more\"", StringComparison.Ordinal) ? "no \"Load more\" after a full page" : null;
    }

    private static string? ExpectSeries(string json, int minimumPoints)
    {
        using var document = JsonDocument.Parse(json);
        var count = document.RootElement.GetProperty("count").GetInt32();
        var points = document.RootElement.GetProperty("series").GetArrayLength();
        return count > 0 && points >= minimumPoints ? null : $"a summary of {count} expenses in {points} points";
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary>A GET whose body is checked on each client's first request (checking every one would load the client, not the app).</summary>
public class GetScenario(string key, string title, string path, Func<string, string?> check, bool htmx = false)
    : Scenario(key, title, "GET " + path)
{
    protected virtual string Path => path;

    public override async Task<Outcome> SendAsync(HttpClient client, int worker, int iteration, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        using var response = await client.SendAsync(request, cancellationToken);
        return await Scenarios.ReadAsync(response, HttpStatusCode.OK, iteration == 0 ? check : null);
    }
}

/// <summary>
/// "Load more" (the htmx request) deep in the list: the page after the first expense two years back. The cursor is a
/// real one, found by walking the list through the API the way a client pages through it.
/// </summary>
public sealed class DeepRowsScenario(DateOnly depth)
    : GetScenario("load-more", "\"Load more\" two years deep", "/?handler=Rows&cursor=…", body => ExpectRows(body), htmx: true)
{
    private string? cursor;

    /// <summary>API pages walked to find the cursor.</summary>
    public int PagesWalked { get; private set; }

    protected override string Path => "/?handler=Rows&cursor=" + Uri.EscapeDataString(cursor ?? throw new InvalidOperationException("Not prepared."));

    public override async Task PrepareAsync(HttpClient client, int concurrency, CancellationToken cancellationToken)
    {
        string? current = null;
        while (true)
        {
            var page = await ListAsync(client, current, ExpenseListQuery.MaxPageSize, cancellationToken);
            var firstDeep = page.Items.ToList().FindIndex(expense => expense.Date <= depth);
            if (firstDeep == 0)
            {
                // The page starts at the depth: the cursor that led here is the one.
                cursor = current;
                break;
            }

            if (firstDeep > 0)
            {
                // The same page cut just before its first deep expense hands out the cursor of that position.
                cursor = (await ListAsync(client, current, firstDeep, cancellationToken)).NextCursor;
                break;
            }

            current = page.NextCursor ?? throw new InvalidOperationException($"The list ends before {Scenarios.Format(depth)}; there is no deep page.");
        }

        if (cursor is null)
        {
            throw new InvalidOperationException("No cursor leads to the expenses two years back.");
        }
    }

    private async Task<ApiPage> ListAsync(HttpClient client, string? from, int pageSize, CancellationToken cancellationToken)
    {
        var url = $"{ExpensesApi.BasePath}?pageSize={pageSize}" + (from is null ? "" : "&cursor=" + Uri.EscapeDataString(from));
        PagesWalked++;
        return await client.GetFromJsonAsync<ApiPage>(url, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException($"{url} answered no page.");
    }

    private static string? ExpectRows(string html)
    {
        var rows = html.Split("<tr id=\"expense-").Length - 1;
        return rows == Scenarios.PageSize ? null : $"expected {Scenarios.PageSize} expense rows, found {rows}";
    }
}

/// <summary>Adds an expense through the JSON API, dated today, as a person entering today's spending would.</summary>
public sealed class AddScenario(DateOnly today) : Scenario("add", "Add an expense", "POST " + ExpensesApi.BasePath)
{
    private static readonly string[] Categories = ["food", "groceries", "transport", "shopping"];

    public override bool IsWrite => true;

    public override async Task<Outcome> SendAsync(HttpClient client, int worker, int iteration, CancellationToken cancellationToken)
    {
        var body = new
        {
            amount = $"{100 + (iteration % 900)}.50",
            date = Scenarios.Format(today),
            categoryId = Categories[iteration % Categories.Length],
            description = $"Benchmark add {worker}-{iteration}",
            tags = new[] { "benchmark", iteration % 2 == 0 ? "work" : "family" },
        };
        using var response = await client.PostAsJsonAsync(ExpensesApi.BasePath, body, cancellationToken);
        return await Scenarios.ReadAsync(response, HttpStatusCode.Created, null);
    }
}

/// <summary>
/// Edits an expense through the JSON API with the version last read, as the edit form does. Each client edits its own
/// expenses from the newest page, so no edit is refused for a version another client changed.
/// </summary>
public sealed class EditScenario() : Scenario("edit", "Edit an expense (with its version)", "PUT " + ExpensesApi.BasePath + "/{id}")
{
    private ApiExpense[] expenses = [];
    private int concurrency;

    public override bool IsWrite => true;

    public override async Task PrepareAsync(HttpClient client, int concurrency, CancellationToken cancellationToken)
    {
        var page = await client.GetFromJsonAsync<ApiPage>($"{ExpensesApi.BasePath}?pageSize={ExpenseListQuery.MaxPageSize}", JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException("The expenses API answered no page.");
        if (page.Items.Count < concurrency)
        {
            throw new InvalidOperationException($"Editing needs at least {concurrency} expenses, one per client; there are {page.Items.Count}.");
        }

        expenses = [.. page.Items];
        this.concurrency = concurrency;
    }

    public override async Task<Outcome> SendAsync(HttpClient client, int worker, int iteration, CancellationToken cancellationToken)
    {
        var perWorker = expenses.Length / concurrency;
        var index = worker + (concurrency * (iteration % perWorker));
        var expense = expenses[index];
        var body = new
        {
            amount = $"{200 + (iteration % 700)}.25",
            date = Scenarios.Format(expense.Date),
            categoryId = expense.CategoryId,
            description = $"Edited by the benchmark ({iteration})",
            tags = expense.Tags,
            version = expense.Version,
        };
        using var response = await client.PutAsJsonAsync($"{ExpensesApi.BasePath}/{Uri.EscapeDataString(expense.Id)}", body, cancellationToken);
        var outcome = await Scenarios.ReadAsync(response, HttpStatusCode.OK, null);
        if (outcome.Problem is null)
        {
            expenses[index] = expense with { Version = expense.Version + 1 };
        }

        return outcome;
    }
}

internal sealed record ApiPage(IReadOnlyList<ApiExpense> Items, string? NextCursor);

internal sealed record ApiExpense(string Id, DateOnly Date, string CategoryId, IReadOnlyList<string> Tags, int Version);
