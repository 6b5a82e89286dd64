using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>GET /api/backup downloads the whole account; POST /api/backup restores one into an empty account.</summary>
public static class BackupApi
{
    public const string Path = "/api/backup";

    public static IEndpointRouteBuilder MapBackupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, DownloadAsync)
            .WithTags("Backup")
            .WithName("DownloadBackup")
            .WithSummary("The whole account as one gzip-compressed JSON document")
            .WithDescription("Sections: categories, expenses (with ids and versions), receipts (what each expense holds; not the files), "
                + "budget, alerts; each with its own version. "
                + "docs/architecture.md describes the format.")
            .Produces(StatusCodes.Status200OK, contentType: BackupDocument.ContentType);
        app.MapPost(Path, RestoreAsync)
            .WithTags("Backup")
            .WithName("RestoreBackup")
            .WithSummary("Restores a backup (the body: the file, gzip-compressed or plain JSON) into this account, which must be empty")
            .Accepts<byte[]>(BackupDocument.ContentType, "application/json")
            .WithMetadata(new UploadLimitAttribute())
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<EmptyHttpResult> DownloadAsync(HttpContext context, BackupDocument backup, ICurrentUser user, AppClock clock, CancellationToken cancellationToken)
    {
        context.Response.ContentType = BackupDocument.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{BackupDocument.FileName(clock.Today)}\"";
        await backup.WriteAsync(context.Response.Body, user.UserId, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<RestoreResponse>, ProblemHttpResult>> RestoreAsync(
        HttpContext context, BackupRestore restore, ICurrentUser user, IOptions<ImportExportOptions> options, CancellationToken cancellationToken)
    {
        // Only the file's own types: a cross-site form can send text/plain or a form, never these.
        if (context.Request.ContentType?.Split(';')[0].Trim() is not (BackupDocument.ContentType or "application/json" or "application/octet-stream"))
        {
            return TypedResults.Problem("Send the backup file as the body, with Content-Type application/gzip (or application/json when unpacked).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Nothing was restored: not a backup file.");
        }

        var max = options.Value.MaxUploadBytes;
        if (context.Request.ContentLength > max)
        {
            return TooLarge(options.Value);
        }

        context.LimitRequestBody(max);

        // Buffered (to disk past 1 MB) so that the restore can look at its first bytes and read it again.
        context.Request.EnableBuffering(1024 * 1024, max);
        try
        {
            return TypedResults.Ok(await restore.RestoreAsync(user.UserId, context.Request.Body, cancellationToken));
        }
        catch (BackupFormatException invalid)
        {
            return TypedResults.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest, title: "Nothing was restored: this is not a backup the app can read.");
        }
        catch (AccountNotEmptyException notEmpty)
        {
            return TypedResults.Problem(notEmpty.Message, statusCode: StatusCodes.Status409Conflict, title: "Nothing was restored: the account is not empty.");
        }
        catch (Exception exception) when (exception is IOException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return TooLarge(options.Value);
        }
    }

    private static ProblemHttpResult TooLarge(ImportExportOptions options) =>
        TypedResults.Problem($"The largest file this app accepts is {options.MaxUploadText}.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Nothing was restored: the file is too large.");
}

/// <summary>
/// How many items of each section were restored ("expenses": 1234), and how many a section lists without restoring them
/// ("receipts": 12: the backup names them, but holds no files).
/// </summary>
public sealed record RestoreResponse(IReadOnlyDictionary<string, int> Restored, IReadOnlyDictionary<string, int> ListedOnly);
