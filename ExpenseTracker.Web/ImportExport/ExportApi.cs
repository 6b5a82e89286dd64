using System.IO.Compression;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ExpenseTracker.Web.ImportExport;

/// <summary>Downloads: the expenses a filter matches as CSV, and the whole account as a backup.</summary>
public static class ExportApi
{
    public const string CsvPath = "/api/expenses.csv";

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, ExportCsvAsync)
            .WithTags("Export")
            .WithName("ExportExpensesCsv")
            .WithSummary("Every expense the filters match (not one page), newest first, as a CSV file")
            .WithDescription("Columns Date (yyyy-MM-dd), Amount (rupees, \"1499.50\"), Category (its name), Description, Tags (comma separated). "
                + "UTF-8 with a byte order mark; cells starting with =, +, -, @, tab or CR are prefixed with ' so that a spreadsheet shows them as text. "
                + "The filters are those of GET /api/expenses. Sent gzip-compressed to a client that accepts gzip, as a browser does.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportCsvAsync(
        [AsParameters] ExportQuery query, HttpContext context, IExpenseStore expenses, CategoryCatalog catalog, ICurrentUser user, AppClock clock,
        CancellationToken cancellationToken)
    {
        var categories = await catalog.ListAsync(user.UserId, cancellationToken);
        var check = query.Validate(categories);
        if (check.Value is not { } filter)
        {
            return check.Errors.ToProblem("Nothing was exported: some filters are not valid.");
        }

        context.Response.ContentType = ExpenseCsv.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ExpenseCsv.FileName(clock.Today)}\"";
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        // Compressed for every client that can take it (every browser): in AWS a response is at most 6 MB, and 100,000
        // expenses are about 5 MB of CSV but 1.4 MB of gzip. The CSV holds no secret for a compression attack to find.
        // Written as it is read, page by page: the whole file is never in memory.
        if (!context.Request.Headers.AcceptEncoding.Any(value => value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true))
        {
            await ExpenseCsv.WriteAsync(context.Response.Body, expenses, user.UserId, filter, categories, cancellationToken);
            return TypedResults.Empty;
        }

        context.Response.Headers.ContentEncoding = "gzip";
        await using (var compressed = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true))
        {
            await ExpenseCsv.WriteAsync(compressed, expenses, user.UserId, filter, categories, cancellationToken);
        }

        return TypedResults.Empty;
    }
}

/// <summary>The filters of an export: those of the expense list.</summary>
public sealed class ExportQuery : FilterQuery
{
    /// <summary>Text to find in descriptions.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>The filter, or messages keyed by query parameter: an export never applies a filter it was asked for only in part.</summary>
    public Checked<ExpenseFilter> Validate(IReadOnlyCollection<Category> categories)
    {
        var filter = ValidateFilter(categories, Q);
        return Checked<ExpenseFilter>.Of(() => filter.Value!, new Dictionary<string, string[]>(filter.Errors));
    }
}
