using ExpenseTracker.Web.Accounts;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>Settings → Backup: download the whole account, or restore a backup into this (empty) account.</summary>
[UploadLimit]
public sealed class BackupModel(BackupRestore restore, ICurrentUser user, IOptions<ImportExportOptions> options) : PageModel
{
    public const string FileField = "BackupFile";

    public ImportExportOptions Limits => options.Value;


    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        var (_, file, problem) = await Uploads.ReadAsync(Request, FileField, options.Value, cancellationToken);
        if (file is null)
        {
            return Refused(problem!, StatusCodes.Status422UnprocessableEntity);
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var (counts, listed) = await restore.RestoreAsync(user.UserId, stream, cancellationToken);
            this.Tell($"Restored {Count(counts, "expenses", "expense")}, {Count(counts, "categories", "category of your own", "categories of your own")}, "
                + $"{Count(counts, "alerts", "alert")} and your budget."
                + (listed.GetValueOrDefault("receipts") > 0 ? $" The backup names {Count(listed, "receipts", "receipt")}, but holds no files: attach them again from your copies." : ""));
        }
        catch (BackupFormatException invalid)
        {
            return Refused(invalid.Message, StatusCodes.Status422UnprocessableEntity);
        }
        catch (AccountNotEmptyException notEmpty)
        {
            return Refused(notEmpty.Message, StatusCodes.Status409Conflict);
        }

        if (!Request.WantsFragment())
        {
            return RedirectToPage();
        }

        return Partial("_Restore", this);
    }

    private IActionResult Refused(string problem, int status)
    {
        Problem = "Nothing was restored. " + problem;
        Response.StatusCode = status;
        return Request.WantsFragment() ? Partial("_Restore", this) : Page();
    }

    private static string Count(IReadOnlyDictionary<string, int> counts, string section, string one, string? many = null)
    {
        var count = counts.GetValueOrDefault(section);
        return $"{count:N0} {(count == 1 ? one : many ?? one + "s")}";
    }
}
