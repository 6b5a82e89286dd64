using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.ErrorHandling;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// Receipts through the JSON API, for scripts: list an expense's receipts, attach files (multipart, field "file"), remove
/// one. The files pass the same inspection as the form's. In AWS, where files go straight from a browser to S3, attaching
/// through the API is refused with a 400 that says so; listing and removing work everywhere.
/// </summary>
public static class ReceiptsApi
{
    public static RouteGroupBuilder MapReceiptsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ExpensesApi.BasePath + "/{expenseId}/receipts").WithTags("Receipts");
        group.MapGet("/", ListAsync)
            .WithName("ListReceipts")
            .WithSummary("The receipts attached to an expense, oldest first, each with the address that opens it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", AttachAsync)
            .WithName("AttachReceipts")
            .WithSummary($"Attaches files (multipart/form-data, field \"file\"; JPEG, PNG, WebP, HEIC or PDF, 10 MB each, {ReceiptRules.MaxPerExpense} per expense)")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithMetadata(new RequestBodyLimitAttribute(ReceiptUploadLimits.FormBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapDelete("/{receiptId}", DeleteAsync)
            .WithName("DeleteReceipt")
            .WithSummary("Removes one receipt and its file")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ReceiptResponse[]>, ProblemHttpResult>> ListAsync(
        string expenseId, IExpenseStore expenses, ExpenseReceipts receipts, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (await expenses.FindAsync(user.UserId, expenseId, cancellationToken) is null)
        {
            return NotFound();
        }

        return TypedResults.Ok(await ListAttachedAsync(expenseId, receipts, user, cancellationToken));
    }

    private static async Task<Results<Created<ReceiptResponse[]>, ProblemHttpResult>> AttachAsync(
        string expenseId, HttpRequest request, IExpenseStore expenses, ExpenseReceipts receipts, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (await expenses.FindAsync(user.UserId, expenseId, cancellationToken) is null)
        {
            return NotFound();
        }

        if (receipts.DirectUploads is not null)
        {
            return Problem("Attach receipts through the page here: files go from the browser straight to storage.");
        }

        IFormCollection form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(RequestBodyGate.FormOptionsFor(RequestBodyGate.LimitsOf(request.HttpContext)), cancellationToken) : FormCollection.Empty;
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem("At most five files of 10 MB each fit in one request.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        var files = form.Files.GetFiles("file");
        if (files.Count == 0)
        {
            return Problem("Send the files as multipart/form-data in fields named \"file\".");
        }

        var attached = (await receipts.ListAttachedAsync(user.UserId, [expenseId], cancellationToken)).GetValueOrDefault(expenseId)?.Count ?? 0;
        var received = await receipts.ReceiveAsync(user.UserId, [], files, attached, cancellationToken);
        if (received.Error is { } refused)
        {
            // The good files of a refused request wait as pending uploads, which the sweep removes.
            return Problem(refused);
        }

        await receipts.AttachAsync(user.UserId, expenseId, received.Pending, cancellationToken);
        return TypedResults.Created(
            $"{ExpensesApi.BasePath}/{Uri.EscapeDataString(expenseId)}/receipts", await ListAttachedAsync(expenseId, receipts, user, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string expenseId, string receiptId, ExpenseReceipts receipts, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (await receipts.FindAttachedAsync(user.UserId, receiptId, cancellationToken) is not { } receipt || receipt.ExpenseId != expenseId)
        {
            return NotFound();
        }

        await receipts.DeleteAsync(user.UserId, receipt, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<ReceiptResponse[]> ListAttachedAsync(string expenseId, ExpenseReceipts receipts, ICurrentUser user, CancellationToken cancellationToken) =>
        [.. ((await receipts.ListAttachedAsync(user.UserId, [expenseId], cancellationToken)).GetValueOrDefault(expenseId) ?? []).Select(ReceiptResponse.From)];

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("There is no such expense or receipt.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "File refused");
}

/// <summary>One receipt as the API shows it; <see cref="Url"/> opens the file (with the same session or token).</summary>
public sealed record ReceiptResponse(string Id, string FileName, string ContentType, long Size, bool HasThumbnail, string Url)
{
    public static ReceiptResponse From(Receipt receipt) =>
        new(receipt.Id, receipt.FileName, receipt.ContentType, receipt.Size, receipt.HasThumbnail, $"/receipts/{receipt.Id}");
}
