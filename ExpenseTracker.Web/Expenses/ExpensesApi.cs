using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Receipts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// The JSON REST API over the same store and the same rules (<see cref="ExpenseForm"/>) as the pages.
/// It takes JSON, not forms, so antiforgery does not apply; authentication comes with accounts.
/// </summary>
public static class ExpensesApi
{
    public const string BasePath = "/api/expenses";

    public static RouteGroupBuilder MapExpensesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Expenses").ProducesValidationProblem();

        group.MapGet("/", ListAsync)
            .WithName("ListExpenses")
            .WithSummary("Expenses, newest first, filtered like the expense page, one page at a time")
            .WithDescription($"Pass nextCursor back as cursor for the next page. pageSize defaults to {ExpenseListQuery.DefaultPageSize}, at most {ExpenseListQuery.MaxPageSize}.");
        group.MapPost("/", CreateAsync)
            .WithName("CreateExpense")
            .WithSummary("Adds an expense; answers 201 with its Location");
        group.MapGet("/{id}", GetAsync)
            .WithName("GetExpense")
            .WithSummary("One expense")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}", UpdateAsync)
            .WithName("UpdateExpense")
            .WithSummary("Replaces an expense's values if it is still at the version sent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteExpense")
            .WithSummary("Deletes an expense")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ExpenseListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] ExpenseListQuery query, IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user, CancellationToken cancellationToken)
    {
        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        var check = query.Validate(categories);
        if (check.Value is not { } filter)
        {
            return check.Errors.ToProblem(InvalidTitle);
        }

        try
        {
            var page = await expenses.ListAsync(user.UserId, filter, query.CursorOrNull, query.PageSizeOrDefault, cancellationToken);
            return TypedResults.Ok(new ExpenseListResponse([.. page.Items.Select(expense => ExpenseResponse.From(expense, categories))], page.NextCursor));
        }
        catch (InvalidCursorException invalid)
        {
            // Keyed by the parameter like every other 400, so a client knows which value to drop.
            return new Dictionary<string, string[]> { ["cursor"] = [invalid.Message] }.ToProblem("Invalid cursor");
        }
    }

    private static async Task<Results<Ok<ExpenseResponse>, ProblemHttpResult>> GetAsync(
        string id, IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user, CancellationToken cancellationToken)
    {
        var expense = await expenses.FindAsync(user.UserId, id, cancellationToken);
        if (expense is null)
        {
            return NotFound(id);
        }

        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        return TypedResults.Ok(ExpenseResponse.From(expense, categories));
    }

    private static async Task<Results<Created<ExpenseResponse>, ValidationProblem>> CreateAsync(
        [FromBody] ExpenseRequest body, IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user, AppClock clock, CancellationToken cancellationToken)
    {
        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        var check = body.Validate(categories, clock.Today);
        if (check.Value is not { } draft)
        {
            return check.Errors.ToProblem(InvalidTitle);
        }

        var (expense, _) = await expenses.AddAsync(user.UserId, draft, cancellationToken);
        return TypedResults.Created(LocationOf(expense.Id), ExpenseResponse.From(expense, categories));
    }

    private static async Task<Results<Ok<ExpenseResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, [FromBody] ExpenseRequest body, IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user, AppClock clock,
        CancellationToken cancellationToken)
    {
        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        var check = body.ValidateUpdate(categories, clock.Today);
        if (check.Value is not { } update)
        {
            return check.Errors.ToProblem(InvalidTitle);
        }

        try
        {
            var (updated, _) = await expenses.UpdateAsync(user.UserId, id, update.Version, update.Draft, cancellationToken);
            return TypedResults.Ok(ExpenseResponse.From(updated, categories));
        }
        catch (NotFoundException)
        {
            return NotFound(id);
        }
        catch (ConcurrencyConflictException conflict)
        {
            return TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "Changed elsewhere");
        }
    }

    /// <summary>Through the bin, like the page's delete, so that the bin is emptied of what is too old to undo.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, ExpenseBin bin, ICurrentUser user, CancellationToken cancellationToken)
    {
        try
        {
            await bin.DeleteAsync(user.UserId, id, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (NotFoundException)
        {
            return NotFound(id);
        }
    }

    private static string LocationOf(string id) => $"{BasePath}/{Uri.EscapeDataString(id)}";

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no expense with the id \"{id}\".", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private const string InvalidTitle = "Nothing was changed: some values are not valid.";
}

/// <summary>The query string of GET /api/expenses: the expense page's filters plus paging.</summary>
public sealed class ExpenseListQuery : FilterQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>Text to find in descriptions.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary>How many expenses a page holds, 1 to 100 (25 when not given). Text, checked by <see cref="Validate"/>, like every value the API takes, so a bad one gets a message and not a binding failure.</summary>
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; set; }

    public string? CursorOrNull => string.IsNullOrEmpty(Cursor) ? null : Cursor;

    /// <summary>The page size asked for (0 when it is not a whole number), or the default when none was.</summary>
    public int PageSizeOrDefault =>
        string.IsNullOrWhiteSpace(PageSize) ? DefaultPageSize
        : int.TryParse(PageSize.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;

    /// <summary>The filter, or messages keyed by query parameter: the API applies no filter it was asked for only in part.</summary>
    public Checked<ExpenseFilter> Validate(IReadOnlyCollection<Category> categories)
    {
        var filter = ValidateFilter(categories, Q);
        var errors = new Dictionary<string, string[]>(filter.Errors);
        if (!string.IsNullOrWhiteSpace(PageSize) && PageSizeOrDefault is < 1 or > MaxPageSize)
        {
            errors[nameof(PageSize)] = [$"pageSize must be a whole number between 1 and {MaxPageSize}."];
        }

        return Checked<ExpenseFilter>.Of(() => filter.Value!, errors);
    }
}

/// <summary>One page of expenses; <c>nextCursor</c> is null on the last page.</summary>
public sealed record ExpenseListResponse(IReadOnlyList<ExpenseResponse> Items, string? NextCursor);

/// <summary>An expense as the API returns it. <c>amount</c> is exact rupees as text ("1499.50"); <c>amountPaise</c> the same in paise.</summary>
public sealed record ExpenseResponse(
    string Id,
    DateOnly Date,
    string Amount,
    long AmountPaise,
    string AmountFormatted,
    string CategoryId,
    string CategoryName,
    string Description,
    IReadOnlyList<string> Tags,
    int Version)
{
    public static ExpenseResponse From(Expense expense, IReadOnlyCollection<Category> categories) => new(
        expense.Id,
        expense.Date,
        expense.Amount.ToInvariantString(),
        expense.Amount.Paise,
        expense.Amount.ToString(),
        expense.CategoryId,
        categories.FirstOrDefault(category => category.Id == expense.CategoryId)?.Name ?? expense.CategoryId,
        expense.Description,
        expense.Tags,
        expense.Version);
}
