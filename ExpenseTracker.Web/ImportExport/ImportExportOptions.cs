namespace ExpenseTracker.Web.ImportExport;

/// <summary>Limits of what can be uploaded (a CSV to import, a backup to restore), bound from the ImportExport section.</summary>
public sealed class ImportExportOptions
{
    public const string Section = "ImportExport";

    /// <summary>
    /// The largest file accepted, in bytes. 32 MB on a laptop; the AWS template sets 4 MB, since API Gateway and Lambda
    /// carry at most 6 MB a request and an upload travels base64-encoded, a third larger.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 32 * 1024 * 1024;

    public string MaxUploadText => MaxUploadBytes >= 1024 * 1024 ? $"{MaxUploadBytes / (1024.0 * 1024):0.#} MB" : $"{MaxUploadBytes / 1024} KB";
}
