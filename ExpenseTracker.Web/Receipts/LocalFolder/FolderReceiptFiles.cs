using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Receipts.LocalFolder;

/// <summary>
/// Receipts in a folder on this machine (beside the SQLite database unless configured): one folder per user holding
/// its stored files, <c>pending/</c> for uploads not yet attached and <c>thumbnails/</c>. Files are written to a
/// temporary name and moved into place, so a half-written file is never served.
/// </summary>
public sealed class FolderReceiptFiles(IOptions<ReceiptOptions> options, IOptions<SqliteStorageOptions> sqlite) : IReceiptFiles, IReceivedUploads
{
    private const int BufferSize = 81920;

    private readonly string root = options.Value.ResolveFolder(sqlite.Value);

    public string Location => root;

    public async Task SavePendingAsync(string userId, string id, Stream content, CancellationToken cancellationToken)
    {
        var path = PendingPath(userId, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            // Copied in buffers, with a limit: a request that claims less than it sends still stops at the limit.
            var buffer = new byte[BufferSize];
            long written = 0;
            for (int read; (read = await content.ReadAsync(buffer, cancellationToken)) > 0 && written <= ReceiptInspector.MaxSize;)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                written += read;
            }
        }

        File.Move(partial, path, overwrite: true);
    }

    public async Task PatchPendingAsync(string userId, string id, IReadOnlyList<BytePatch> patches, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PendingPath(userId, id), FileMode.Open, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        foreach (var patch in patches)
        {
            file.Position = patch.Offset;
            await file.WriteAsync(patch.Bytes, cancellationToken);
        }

        await file.FlushAsync(cancellationToken);
    }

    public Stream ReadPending(string userId, string id) =>
        new FileStream(PendingPath(userId, id), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public Task<OpenedReceipt?> OpenPendingAsync(string userId, string id, CancellationToken cancellationToken)
    {
        var path = PendingPath(userId, id);
        if (!File.Exists(path))
        {
            return Task.FromResult<OpenedReceipt?>(null);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        return Task.FromResult<OpenedReceipt?>(new OpenedReceipt(new FileReceiptBytes(file), file));
    }

    public Task StoreAsync(string userId, Receipt receipt, CancellationToken cancellationToken)
    {
        var pending = PendingPath(userId, receipt.Id);
        if (File.Exists(pending))
        {
            File.Move(pending, StoredPath(userId, receipt.Id), overwrite: true);
        }

        return Task.CompletedTask;
    }

    public async Task SaveThumbnailAsync(string userId, string id, Stream jpeg, CancellationToken cancellationToken)
    {
        var path = ThumbnailPath(userId, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path + ".partial"))
        {
            await jpeg.CopyToAsync(file, cancellationToken);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }

    public Task<ReceiptDownload?> OpenAsync(string userId, Receipt receipt, bool thumbnail, CancellationToken cancellationToken)
    {
        var path = thumbnail ? ThumbnailPath(userId, receipt.Id) : StoredPath(userId, receipt.Id);
        return Task.FromResult(File.Exists(path)
            ? new ReceiptDownload(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true), null)
            : null);
    }

    public Task DeleteAsync(string userId, string id, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { PendingPath(userId, id), StoredPath(userId, id), ThumbnailPath(userId, id) })
        {
            // File.Delete forgives a missing file but not a missing folder (no thumbnail was ever made, say).
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        return Task.CompletedTask;
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var folder = UserFolder(userId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string PendingPath(string userId, string id) => Path.Combine(UserFolder(userId), "pending", Checked(id));

    private string StoredPath(string userId, string id) => Path.Combine(UserFolder(userId), Checked(id));

    private string ThumbnailPath(string userId, string id) => Path.Combine(UserFolder(userId), "thumbnails", Checked(id) + ".jpg");

    /// <summary>A user id becomes a folder name: only ids that cannot climb out of the root are accepted.</summary>
    private string UserFolder(string userId) =>
        userId is { Length: > 0 and <= 100 } && userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Path.Combine(root, userId)
            : throw new InvalidValueException("The user id cannot name a folder.");

    private static string Checked(string id) => ReceiptRules.IsId(id) ? id : throw new NotFoundException("That receipt does not exist.");
}
