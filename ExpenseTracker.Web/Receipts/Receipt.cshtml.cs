using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Security;
using Microsoft.Net.Http.Headers;

namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// One receipt: open it (<c>GET /receipts/{id}</c>), its thumbnail (<c>/thumbnail</c>), delete it (<c>POST
/// /receipts/{id}/delete</c>). Only the owner's attached receipts exist here; any other id is a 404. A file from the
/// folder is sent with its exact type, a Content-Disposition, and a sandboxing policy of its own; from S3 the browser
/// is sent to a presigned GET that expires in minutes.
/// </summary>
public sealed class ReceiptModel(ExpenseReceipts receipts, ICurrentUser user) : PageModel
{
    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => SendAsync(id, thumbnail: false, cancellationToken);

    public Task<IActionResult> OnGetThumbnailAsync(string id, CancellationToken cancellationToken) => SendAsync(id, thumbnail: true, cancellationToken);

    /// <summary>A post to a handler this page does not have: the page has no markup to show instead, so there is nothing here.</summary>
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (await receipts.FindAttachedAsync(user.UserId, id, cancellationToken) is not { } receipt)
        {
            return NotFound();
        }

        await receipts.DeleteAsync(user.UserId, receipt, cancellationToken);
        this.Tell($"Removed {receipt.FileName}.");
        if (!Request.WantsFragment())
        {
            return RedirectToPage("/Expenses/Edit", new { id = receipt.ExpenseId });
        }

        // The item swaps itself out for this empty answer; the row shows the change when the edit ends.
        Response.TriggerEvents(HtmxEvents.ExpensesChanged);
        return Content("", "text/html");
    }

    private async Task<IActionResult> SendAsync(string id, bool thumbnail, CancellationToken cancellationToken)
    {
        var receipt = await receipts.FindAttachedAsync(user.UserId, id, cancellationToken);
        if (receipt is null || (thumbnail && !receipt.HasThumbnail)
            || await receipts.OpenAsync(user.UserId, receipt, thumbnail, cancellationToken) is not { } download)
        {
            return NotFound();
        }

        // Neither the file nor the short-lived address of it belongs in any shared cache.
        Response.Headers.CacheControl = thumbnail ? "private, max-age=240" : "private, no-store";
        if (download.RedirectTo is { } elsewhere)
        {
            return Redirect(elsewhere.ToString());
        }

        SecurityHeaders.MarkUploadedFile(HttpContext);
        Response.Headers[HeaderNames.ContentDisposition] = thumbnail ? "inline" : ReceiptHeaders.ContentDisposition(receipt);
        return File(download.Content!, thumbnail ? "image/jpeg" : receipt.ContentType);
    }
}
