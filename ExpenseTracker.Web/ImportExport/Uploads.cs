using ExpenseTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace ExpenseTracker.Web.ImportExport;

/// <summary>
/// Reads the one file of an upload form within the configured size, before anything else reads the body: a file over
/// the limit gets a sentence, not a failed request.
/// </summary>
public static class Uploads
{
    /// <summary>What a multipart form carries around the file (boundaries, the other fields).</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>The form and its file <paramref name="field"/>, or the message that says why there is none.</summary>
    public static async Task<(IFormCollection? Form, IFormFile? File, string? Problem)> ReadAsync(
        HttpRequest request, string field, ImportExportOptions options, CancellationToken cancellationToken)
    {
        var max = options.MaxUploadBytes;
        if (request.ContentLength > max + FormOverhead)
        {
            return (null, null, TooLarge(options));
        }

        request.HttpContext.LimitRequestBody(max + FormOverhead);

        if (!request.HasFormContentType)
        {
            return (null, null, "Choose a file to upload.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + FormOverhead }, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, null, TooLarge(options));
        }

        var file = form.Files.GetFile(field);
        return file switch
        {
            null => (form, null, "Choose a file to upload."),
            { Length: 0 } => (form, null, "The file is empty."),
            { Length: var length } when length > max => (form, null, TooLarge(options)),
            _ => (form, file, null),
        };
    }

    public static string TooLarge(ImportExportOptions options) =>
        $"The file is larger than {options.MaxUploadText}, the largest this app accepts. Split it into smaller files (or, for a backup, restore it on a copy of the app on your computer).";
}
