namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// Where the bytes of receipts are: a folder beside the SQLite database on a laptop, a private S3 bucket in AWS. A
/// file is first a pending upload, then (once inspected and attached) the stored file, with an optional thumbnail.
/// </summary>
public interface IReceiptFiles
{
    /// <summary>Where the files are, for the start-up line.</summary>
    string Location { get; }

    /// <summary>The pending upload, for the inspector; null when there is none (never uploaded, or expired).</summary>
    Task<OpenedReceipt?> OpenPendingAsync(string userId, string id, CancellationToken cancellationToken);

    /// <summary>Makes the inspected pending upload the stored file, to be served as exactly its kind.</summary>
    Task StoreAsync(string userId, Receipt receipt, CancellationToken cancellationToken);

    Task SaveThumbnailAsync(string userId, string id, Stream jpeg, CancellationToken cancellationToken);

    /// <summary>The stored file or its thumbnail: its bytes, or a short-lived address of them elsewhere.</summary>
    Task<ReceiptDownload?> OpenAsync(string userId, Receipt receipt, bool thumbnail, CancellationToken cancellationToken);

    /// <summary>Every file of one receipt (upload, stored file, thumbnail); what is already gone is no error.</summary>
    Task DeleteAsync(string userId, string id, CancellationToken cancellationToken);

    /// <summary>Every file of the user.</summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Files the app receives itself (a laptop's form posts), written as pending uploads and patched in place.</summary>
public interface IReceivedUploads
{
    Task SavePendingAsync(string userId, string id, Stream content, CancellationToken cancellationToken);

    Task PatchPendingAsync(string userId, string id, IReadOnlyList<BytePatch> patches, CancellationToken cancellationToken);

    /// <summary>The pending upload as a stream, for making its thumbnail.</summary>
    Stream ReadPending(string userId, string id);
}

/// <summary>Files a browser uploads straight to the store (S3's presigned POST); the app never carries their bytes.</summary>
public interface IDirectUploads
{
    /// <summary>The origin browsers upload to and open files from, which the Content-Security-Policy must allow.</summary>
    string Origin { get; }

    Task<DirectUpload> PrepareUploadAsync(string userId, string id, ReceiptKind kind, long size, CancellationToken cancellationToken);
}

/// <summary>Where and with which form fields a browser posts one file.</summary>
public sealed record DirectUpload(string Url, IReadOnlyDictionary<string, string> Fields);

/// <summary>A pending upload opened for inspection; disposing it closes it.</summary>
public sealed class OpenedReceipt(ReceiptBytes bytes, IAsyncDisposable? resource) : IAsyncDisposable
{
    public ReceiptBytes Bytes => bytes;

    public ValueTask DisposeAsync() => resource?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>A file to send (<see cref="Content"/>) or to send the browser to (<see cref="RedirectTo"/>).</summary>
public sealed record ReceiptDownload(Stream? Content, Uri? RedirectTo);
