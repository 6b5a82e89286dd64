using System.Globalization;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Hosting;

namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// <c>POST /receipts/uploads</c>, in AWS: the page's script sends a chosen file's name, size, first and last bytes and
/// (if the browser could draw one) a thumbnail; the answer is the receipt id, the bytes to overwrite to remove its
/// location, and the presigned POST to upload it straight to S3. A refused file is a 400 with the reason. On a laptop,
/// where files post with the form, this is a 404.
/// </summary>
[RequestBodyLimit(MaxRequestBytes)]
public sealed class UploadsModel(ExpenseReceipts receipts, ICurrentUser user) : PageModel
{
    private const int MaxThumbnailBytes = 512 * 1024;
    private const long MaxRequestBytes = ReceiptInspector.HeadSize + ReceiptInspector.TailSize + MaxThumbnailBytes + (64 * 1024);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (receipts.DirectUploads is null)
        {
            return NotFound();
        }

        var form = Request.HasFormContentType ? await Request.ReadFormAsync(cancellationToken) : null;
        var name = form?["name"].ToString() ?? "";
        if (form is null || !long.TryParse(form["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || form.Files["head"] is not { } headPart || form.Files["tail"] is not { } tailPart)
        {
            return Problem("Incomplete upload", "Send the file's name, size, head and tail.");
        }

        var expectedHead = (int)Math.Min(size, ReceiptInspector.HeadSize);
        var expectedTail = (int)Math.Min(size, ReceiptInspector.TailSize);
        if (size > 0 && size <= ReceiptInspector.MaxSize && (headPart.Length != expectedHead || tailPart.Length != expectedTail))
        {
            return Problem("Incomplete upload", "The head and tail sent do not match the size.");
        }

        try
        {
            var head = await ReadAsync(headPart, cancellationToken);
            var tail = await ReadAsync(tailPart, cancellationToken);
            await using var thumbnail = form.Files["thumbnail"] is { Length: > 0 and <= MaxThumbnailBytes } part ? part.OpenReadStream() : null;
            var prepared = await receipts.PrepareAsync(user.UserId, name, size, head, tail, thumbnail, cancellationToken);
            return new JsonResult(new
            {
                id = prepared.Id,
                patches = prepared.LocationPatches.Select(patch => new { offset = patch.Offset, bytes = Convert.ToBase64String(patch.Bytes) }),
                url = prepared.Upload.Url,
                fields = prepared.Upload.Fields,
            });
        }
        catch (FileRefusedException refused)
        {
            return Problem("File refused", refused.Message);
        }
    }

    private static ObjectResult Problem(string title, string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = title, Detail = detail })
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentTypes = { "application/problem+json" },
        };

    private static async Task<byte[]> ReadAsync(IFormFile part, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)part.Length);
        await part.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
