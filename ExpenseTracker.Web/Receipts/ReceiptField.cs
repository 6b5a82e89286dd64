using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ExpenseTracker.Web.Receipts;

/// <summary>What a form posts about receipts besides its files: the ids of uploads already made (direct, or kept from an earlier try).</summary>
public sealed class ReceiptsInput
{
    public List<string> Ids { get; set; } = [];
}

/// <summary>The receipts part of the add and edit forms (<c>_ReceiptField</c>).</summary>
/// <param name="IdPrefix">Makes element ids unique when several forms are on one page.</param>
/// <param name="Attached">What the expense holds already (edit), each with a Remove button.</param>
/// <param name="Pending">Uploads this form carries to its save.</param>
/// <param name="DirectUploadUrl">In AWS: where the page's script asks to upload a file straight to S3; null on a laptop, where files post with the form.</param>
public sealed record ReceiptField(string IdPrefix, IReadOnlyList<Receipt> Attached, IReadOnlyList<Receipt> Pending, string? DirectUploadUrl)
{
    public const string FilesName = "Attachments.Files";
    public const string IdsName = "Attachments.Ids";

    public int Room => ReceiptRules.MaxPerExpense - Attached.Count - Pending.Count;
}

/// <summary>
/// The links to receipts shown in an expense row and in its edit form: a thumbnail, or an icon naming the kind (PDF,
/// or a HEIC photo without a thumbnail). Written as markup directly, not through a partial per row, as the rows are.
/// </summary>
public sealed class ReceiptLinks(IEnumerable<Receipt> receipts, string basePath) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var receipt in receipts)
        {
            var open = $"{basePath}receipts/{receipt.Id}";
            writer.Write("<a class=\"receipt-link\" target=\"_blank\" rel=\"noopener\" href=\"");
            encoder.Encode(writer, open);
            writer.Write("\">");
            if (receipt.HasThumbnail)
            {
                writer.Write("<img class=\"receipt-thumbnail\" width=\"40\" height=\"40\" loading=\"lazy\" alt=\"\" src=\"");
                encoder.Encode(writer, open + "/thumbnail");
                writer.Write("\">");
            }
            else
            {
                writer.Write("<span class=\"receipt-icon\" aria-hidden=\"true\">");
                encoder.Encode(writer, receipt.Kind == ReceiptKind.Pdf ? "PDF" : receipt.Kind.ToString().ToUpperInvariant());
                writer.Write("</span>");
            }

            writer.Write("<span class=\"visually-hidden\">Open receipt ");
            encoder.Encode(writer, receipt.FileName);
            writer.Write("</span></a>");
        }
    }
}

/// <summary>How large a form with receipts may be: five files of 10 MB and the expense's own fields.</summary>
public static class ReceiptUploadLimits
{
    public const long FormBytes = (ReceiptRules.MaxPerExpense * ReceiptInspector.MaxSize) + (1024 * 1024);
}
