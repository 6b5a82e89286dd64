namespace ExpenseTracker.Web.Receipts;

/// <summary>The kinds of file a receipt may be, decided by the file's content, never by its name or claimed type.</summary>
public enum ReceiptKind
{
    Jpeg,
    Png,
    Webp,
    Heic,
    Pdf,
}

/// <summary>Where a receipt is in its life: uploaded and waiting for its expense, attached, or set aside by a deleted expense.</summary>
public enum ReceiptState
{
    Pending,
    Attached,
    Detached,
}

/// <summary>
/// One stored file's metadata (the bytes are in <see cref="IReceiptFiles"/>). <see cref="ExpenseId"/> is null while the
/// upload waits for its expense; <see cref="ChangedAt"/> is when it was uploaded, attached or detached, which the sweep
/// reads to remove uploads never attached and files of expenses deleted long enough ago.
/// </summary>
public sealed record Receipt(
    string Id,
    string? ExpenseId,
    ReceiptKind Kind,
    long Size,
    string FileName,
    bool HasThumbnail,
    ReceiptState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt)
{
    public string ContentType => Kind.ContentType();

    public bool IsPhoto => Kind != ReceiptKind.Pdf;
}

public static class ReceiptKinds
{
    /// <summary>The exact type a file of this kind is served with.</summary>
    public static string ContentType(this ReceiptKind kind) => kind switch
    {
        ReceiptKind.Jpeg => "image/jpeg",
        ReceiptKind.Png => "image/png",
        ReceiptKind.Webp => "image/webp",
        ReceiptKind.Heic => "image/heic",
        _ => "application/pdf",
    };

    public static string Extension(this ReceiptKind kind) => kind switch
    {
        ReceiptKind.Jpeg => ".jpg",
        ReceiptKind.Png => ".png",
        ReceiptKind.Webp => ".webp",
        ReceiptKind.Heic => ".heic",
        _ => ".pdf",
    };

    /// <summary>What a person calls it, in messages and labels.</summary>
    public static string Describe(this ReceiptKind kind) => kind switch
    {
        ReceiptKind.Pdf => "PDF",
        ReceiptKind.Webp => "WebP photo",
        _ => $"{kind.ToString().ToUpperInvariant()} photo",
    };
}
