using System.Text;

namespace ExpenseTracker.Web.Receipts;

/// <summary>What the inspector found: the kind of file, and the patches that remove its location data (none when clean).</summary>
public sealed record Inspection(ReceiptKind Kind, IReadOnlyList<BytePatch> LocationPatches);

/// <summary>
/// Decides what a file is from its content, and refuses anything that is not a well-formed JPEG, PNG, WebP, HEIC or
/// PDF of at most 10 MB, or that carries something else inside it (web page code, an archive after the image's end,
/// a PDF behind a photo). It reads the beginning and the end of a file and its metadata, never all of it, so the
/// same checks run on a laptop's file, on an object in S3 and on what a browser sends before uploading.
/// </summary>
public static class ReceiptInspector
{
    public const long MaxSize = 10 * 1024 * 1024;

    /// <summary>How much of the beginning of a file a browser sends for inspection, and the inspector reads first.</summary>
    public const int HeadSize = 256 * 1024;

    /// <summary>How much of the end: a ZIP archive's directory is always within its last 64 KB.</summary>
    public const int TailSize = 64 * 1024;

    /// <summary>Text that makes a file something a browser or another program could run, wherever it hides.</summary>
    private static readonly byte[][] ActiveContent = [.. new[]
    {
        "<script", "<html", "<svg", "<!doctype", "<iframe", "<body", "<object", "<embed", "<?php", "javascript:",
    }.Select(Encoding.ASCII.GetBytes)];

    private static readonly byte[] ZipDirectoryEnd = [(byte)'P', (byte)'K', 5, 6];

    private static readonly byte[] PdfStart = "%PDF-"u8.ToArray();

    private static readonly byte[] BlankOrByteOrderMark = [0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n', (byte)'\t', (byte)' '];

    /// <exception cref="FileRefusedException">With the whole message, the file's name in it.</exception>
    public static async Task<Inspection> InspectAsync(ReceiptBytes bytes, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return await InspectAsync(bytes, cancellationToken);
        }
        catch (FileRefusedException refused)
        {
            throw new FileRefusedException($"“{fileName}” {refused.Message}.");
        }
        catch (BytesNotAvailableException)
        {
            throw new FileRefusedException($"“{fileName}” has more metadata than this page can check before uploading; save it as a new photo or a PDF and try again.");
        }
    }

    private static async Task<Inspection> InspectAsync(ReceiptBytes bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length == 0)
        {
            throw new FileRefusedException("is empty");
        }

        if (bytes.Length > MaxSize)
        {
            throw new FileRefusedException("is larger than 10 MB");
        }

        var head = await bytes.ReadAsync(0, HeadSize, cancellationToken);
        var tailStart = Math.Max(0, bytes.Length - TailSize);
        var tail = await bytes.ReadAsync(tailStart, (int)(bytes.Length - tailStart), cancellationToken);
        var kind = KindOf(head) ?? throw new FileRefusedException(LooksLikeMarkup(head)
            ? "is a web page or a drawing (HTML or SVG), whatever its name says; attach a photo (JPEG, PNG, WebP, HEIC) or a PDF"
            : "is not a JPEG, PNG, WebP or HEIC photo or a PDF, whatever its name says");
        if (HidesActiveContent(head) || HidesActiveContent(tail))
        {
            throw new FileRefusedException("contains web page code or script, which a receipt never needs");
        }

        if (tail.AsSpan().IndexOf(ZipDirectoryEnd) >= 0 || (kind != ReceiptKind.Pdf && (head.AsSpan(1).IndexOf(PdfStart) >= 0 || tail.AsSpan().IndexOf(PdfStart) >= 0)))
        {
            throw new FileRefusedException("has another file (an archive or a PDF) hidden inside it");
        }

        var patches = kind switch
        {
            ReceiptKind.Jpeg => await PhotoMetadata.JpegAsync(bytes, cancellationToken),
            ReceiptKind.Png => await PhotoMetadata.PngAsync(bytes, cancellationToken),
            ReceiptKind.Webp => await PhotoMetadata.WebpAsync(bytes, cancellationToken),
            ReceiptKind.Heic => await HeicMetadata.PatchesAsync(bytes, cancellationToken),
            _ => CheckPdfEnd(tail),
        };
        return new Inspection(kind, patches);
    }

    /// <summary>The kind the first bytes say, or null for anything else.</summary>
    public static ReceiptKind? KindOf(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ReceiptKind.Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => ReceiptKind.Png,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ReceiptKind.Webp,
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => ReceiptKind.Pdf,
        _ when HeicMetadata.IsHeic(head) => ReceiptKind.Heic,
        _ => null,
    };

    /// <summary>A PDF ends with its end-of-file marker; anything after it but blank space is another file.</summary>
    private static List<BytePatch> CheckPdfEnd(byte[] tail)
    {
        var end = tail.AsSpan().LastIndexOf("%%EOF"u8);
        if (end < 0 || tail.AsSpan(end + 5).ContainsAnyExcept("\r\n\t \0"u8))
        {
            throw new FileRefusedException("does not end like a PDF, which is how a file hides another inside it");
        }

        return [];
    }

    private static bool HidesActiveContent(ReadOnlySpan<byte> bytes)
    {
        foreach (var marker in ActiveContent)
        {
            if (IndexOfIgnoringCase(bytes, marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts, after a byte order mark and blank space, with "&lt;": HTML, SVG or other XML.</summary>
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        var first = head[..Math.Min(head.Length, 1024)].IndexOfAnyExcept(BlankOrByteOrderMark.AsSpan());
        return first >= 0 && head[first] == '<';
    }

    private static int IndexOfIgnoringCase(ReadOnlySpan<byte> bytes, byte[] lowerCaseMarker)
    {
        var first = lowerCaseMarker[0];
        for (var at = bytes.IndexOfAny(first, (byte)char.ToUpperInvariant((char)first)); at >= 0 && at + lowerCaseMarker.Length <= bytes.Length;)
        {
            if (Ascii.EqualsIgnoreCase(bytes.Slice(at, lowerCaseMarker.Length), lowerCaseMarker))
            {
                return at;
            }

            var next = bytes[(at + 1)..].IndexOfAny(first, (byte)char.ToUpperInvariant((char)first));
            at = next < 0 ? -1 : at + 1 + next;
        }

        return -1;
    }
}
