using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace ExpenseTracker.Web.Charts;

/// <summary>GET /api/summaries/by-category, /by-day and /by-month: the JSON the charts draw.</summary>
public static class SummaryEndpoints
{
    public const string BasePath = "/api/summaries";

    public static IServiceCollection AddCharts(this IServiceCollection services)
    {
        services.AddSingleton<SpendingSummaries>();
        return services;
    }

    public static RouteGroupBuilder MapSummaries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Summaries").ProducesValidationProblem();

        group.MapGet(PathOf(SummaryKind.ByCategory), ByCategoryAsync)
            .WithName("SpendingByCategory")
            .WithSummary("Spending per category in a date range, largest first")
            .WithDescription("Defaults to the current month. Categories without spending in the range are left out.");
        group.MapGet(PathOf(SummaryKind.ByDay), ByDayAsync)
            .WithName("SpendingByDay")
            .WithSummary("Spending per day in a date range, oldest first, zero-filled")
            .WithDescription($"Defaults to the current month; at most {SummaryQuery.MaxDays} days.");
        group.MapGet(PathOf(SummaryKind.ByMonth), ByMonthAsync)
            .WithName("SpendingByMonth")
            .WithSummary("Spending per calendar month in a date range, oldest first, zero-filled")
            .WithDescription($"Defaults to the twelve months up to and including the current one; at most {SummaryQuery.MaxMonths} months.");
        return group;
    }

    /// <summary>The URL a chart fetches its data from.</summary>
    public static string UrlFor(SummaryKind kind, SummaryRange range) =>
        QueryHelpers.AddQueryString(BasePath + PathOf(kind), new Dictionary<string, string?>
        {
            ["from"] = ExpenseForm.FormatDate(range.From),
            ["to"] = ExpenseForm.FormatDate(range.To),
            ["category"] = range.CategoryId,
            ["tag"] = range.Tag,
        });

    private static string PathOf(SummaryKind kind) => kind switch
    {
        SummaryKind.ByCategory => "/by-category",
        SummaryKind.ByDay => "/by-day",
        _ => "/by-month",
    };

    private static Task<Results<Ok<SpendingSummary<CategorySpending>>, ValidationProblem>> ByCategoryAsync(
        [AsParameters] SummaryQuery query, SpendingSummaries summaries, CategoryCatalog catalog, ICurrentUser user, AppClock clock,
        CancellationToken cancellationToken) =>
        SummaryAsync(query, SummaryKind.ByCategory, catalog, user, clock, (range, categories) => summaries.ByCategoryAsync(user.UserId, range, categories, cancellationToken), cancellationToken);

    private static Task<Results<Ok<SpendingSummary<DaySpending>>, ValidationProblem>> ByDayAsync(
        [AsParameters] SummaryQuery query, SpendingSummaries summaries, CategoryCatalog catalog, ICurrentUser user, AppClock clock,
        CancellationToken cancellationToken) =>
        SummaryAsync(query, SummaryKind.ByDay, catalog, user, clock, (range, _) => summaries.ByDayAsync(user.UserId, range, cancellationToken), cancellationToken);

    private static Task<Results<Ok<SpendingSummary<MonthSpending>>, ValidationProblem>> ByMonthAsync(
        [AsParameters] SummaryQuery query, SpendingSummaries summaries, CategoryCatalog catalog, ICurrentUser user, AppClock clock,
        CancellationToken cancellationToken) =>
        SummaryAsync(query, SummaryKind.ByMonth, catalog, user, clock, (range, _) => summaries.ByMonthAsync(user.UserId, range, cancellationToken), cancellationToken);

    /// <summary>Checks the query against the person's categories and today's date, then makes the summary, or says what is wrong.</summary>
    private static async Task<Results<Ok<TSummary>, ValidationProblem>> SummaryAsync<TSummary>(
        SummaryQuery query,
        SummaryKind kind,
        CategoryCatalog catalog,
        ICurrentUser user,
        AppClock clock,
        Func<SummaryRange, IReadOnlyList<Category>, Task<TSummary>> summarise,
        CancellationToken cancellationToken)
    {
        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        var range = query.Validate(kind, categories, clock.Today);
        return range.Value is { } checkedRange
            ? TypedResults.Ok(await summarise(checkedRange, categories))
            : range.Errors.ToProblem("The summary cannot be made from these parameters.");
    }
}
