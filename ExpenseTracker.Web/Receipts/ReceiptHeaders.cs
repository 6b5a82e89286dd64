using System.Text;

namespace ExpenseTracker.Web.Receipts;

/// <summary>How a stored file is answered, wherever it is served from: never as something a browser would run.</summary>
public static class ReceiptHeaders
{
    /// <summary>
    /// Photos open in the browser; PDFs download, because a PDF viewer inside the browser would show them as a
    /// document of the site. The name is the person's, reduced to safe characters, with the extension of its real kind.
    /// </summary>
    public static string ContentDisposition(Receipt receipt)
    {
        var name = SafeName(receipt);
        var ascii = new string([.. name.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_')]);
        return $"{(receipt.IsPhoto ? "inline" : "attachment")}; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }

    /// <summary>The file's name without its path and extension, at most 80 characters, with the extension of its kind.</summary>
    public static string SafeName(Receipt receipt)
    {
        var stem = Path.GetFileNameWithoutExtension(receipt.FileName.Replace('\\', '/').Split('/')[^1]);
        var kept = new StringBuilder();
        foreach (var rune in stem.EnumerateRunes())
        {
            if (kept.Length >= 80)
            {
                break;
            }

            kept.Append(Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '-' or '_' or '.' or '(' or ')' ? rune.ToString() : "_");
        }

        var safe = kept.ToString().Trim(' ', '.');
        return (safe.Length == 0 ? "receipt" : safe) + receipt.Kind.Extension();
    }
}
