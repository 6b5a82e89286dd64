namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// What the pages do with receipts: take uploads (from a form on a laptop, or by preparing a browser's direct upload
/// to S3), attach them when the expense is saved, set them aside when it is deleted and attach them again when the
/// delete is undone, open and delete them, and sweep away what waited too long.
/// </summary>
public sealed class ExpenseReceipts(IReceiptStore store, IReceiptFiles files, IOptions<ReceiptOptions> options, TimeProvider time)
{
    /// <summary>In AWS: browsers upload straight to S3, and the form carries only the ids of what they uploaded.</summary>
    public IDirectUploads? DirectUploads => files as IDirectUploads;

    /// <summary>
    /// The pending uploads a form carries back (ids from an earlier attempt, or from direct uploads) and the files it
    /// posts (on a laptop), each inspected, stripped of its location and given a thumbnail. Good files are kept even when
    /// another is refused, so that a form shown again does not ask for them twice.
    /// </summary>
    public async Task<ReceivedUploads> ReceiveAsync(
        string userId, IReadOnlyCollection<string> carried, IReadOnlyList<IFormFile> posted, int alreadyAttached, CancellationToken cancellationToken)
    {
        var pending = new List<Receipt>();
        foreach (var id in carried.Distinct())
        {
            if (!ReceiptRules.IsId(id) || await store.FindAsync(userId, id, cancellationToken) is not { State: ReceiptState.Pending } receipt)
            {
                return new ReceivedUploads(pending, "An uploaded file is no longer waiting to be attached; choose it again.");
            }

            try
            {
                pending.Add(await VerifyAsync(userId, receipt, cancellationToken));
            }
            catch (FileRefusedException refused)
            {
                return new ReceivedUploads(pending, refused.Message);
            }
        }

        var files = posted.Where(file => file.FileName.Length > 0 || file.Length > 0).ToList();
        if (alreadyAttached + pending.Count + files.Count > ReceiptRules.MaxPerExpense)
        {
            return new ReceivedUploads(pending, new TooManyReceiptsException(alreadyAttached).Message);
        }

        // Receipts list oldest first; the files of one post, received at one moment by the clock, a tick apart in the
        // order they were sent.
        var received = time.GetUtcNow();
        foreach (var (file, position) in files.Select((file, position) => (file, position)))
        {
            try
            {
                pending.Add(await ReceiveFileAsync(userId, file, received.AddTicks(position), cancellationToken));
            }
            catch (FileRefusedException refused)
            {
                return new ReceivedUploads(pending, refused.Message);
            }
        }

        return new ReceivedUploads(pending, null);
    }

    /// <summary>
    /// In AWS, before a browser uploads a file to S3: its first and last bytes are inspected, the answer says which bytes to
    /// overwrite to remove its location, and gives the presigned POST for exactly that size and type. The browser's own
    /// thumbnail, if it could draw one, is re-encoded and kept.
    /// </summary>
    /// <exception cref="FileRefusedException">The file is refused, with the reason.</exception>
    public async Task<PreparedUpload> PrepareAsync(
        string userId, string fileName, long size, byte[] head, byte[] tail, Stream? thumbnail, CancellationToken cancellationToken)
    {
        var direct = DirectUploads ?? throw new InvalidOperationException("Receipts are uploaded through the form here.");
        var inspection = await ReceiptInspector.InspectAsync(new PartialReceiptBytes(size, head, tail), NameOf(fileName), cancellationToken);
        var id = ReceiptRules.NewId();
        var hasThumbnail = inspection.Kind != ReceiptKind.Pdf && thumbnail is not null && await SaveThumbnailAsync(userId, id, thumbnail, cancellationToken);
        await store.AddPendingAsync(userId, NewReceipt(id, inspection.Kind, size, fileName, hasThumbnail, time.GetUtcNow()), cancellationToken);
        var upload = await direct.PrepareUploadAsync(userId, id, inspection.Kind, size, cancellationToken);
        await SweepAsync(userId, cancellationToken);
        return new PreparedUpload(id, inspection.LocationPatches, upload);
    }

    /// <summary>Stores the files of pending uploads and attaches them to the saved expense.</summary>
    public async Task AttachAsync(string userId, string expenseId, IReadOnlyList<Receipt> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        foreach (var receipt in pending)
        {
            await files.StoreAsync(userId, receipt, cancellationToken);
        }

        await store.AttachAsync(userId, expenseId, [.. pending.Select(receipt => receipt.Id)], time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// When an expense is deleted: its receipts are set aside, not destroyed, so that <see cref="RestoreAsync"/> can bring
    /// them back; the sweep removes them once <see cref="ReceiptOptions.DetachedGracePeriod"/> has passed.
    /// </summary>
    public async Task DetachAsync(string userId, string expenseId, CancellationToken cancellationToken)
    {
        await store.DetachAsync(userId, expenseId, time.GetUtcNow(), cancellationToken);
        await SweepAsync(userId, cancellationToken);
    }

    /// <summary>When a deleted expense is restored (by its id): its set-aside receipts are attached to it again.</summary>
    public Task<IReadOnlyList<Receipt>> RestoreAsync(string userId, string expenseId, CancellationToken cancellationToken = default) =>
        store.ReattachAsync(userId, expenseId, time.GetUtcNow(), cancellationToken);

    /// <summary>An attached receipt of this user; any other id (another user's, pending, set aside) is none.</summary>
    public async Task<Receipt?> FindAttachedAsync(string userId, string id, CancellationToken cancellationToken) =>
        ReceiptRules.IsId(id) && await store.FindAsync(userId, id, cancellationToken) is { State: ReceiptState.Attached } receipt ? receipt : null;

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Receipt>>> ListAttachedAsync(
        string userId, IReadOnlyCollection<string> expenseIds, CancellationToken cancellationToken) =>
        store.ListAttachedAsync(userId, expenseIds, cancellationToken);

    public Task<ReceiptDownload?> OpenAsync(string userId, Receipt receipt, bool thumbnail, CancellationToken cancellationToken) =>
        files.OpenAsync(userId, receipt, thumbnail, cancellationToken);

    /// <summary>Deletes one receipt: its files, then its metadata.</summary>
    public async Task DeleteAsync(string userId, Receipt receipt, CancellationToken cancellationToken)
    {
        await files.DeleteAsync(userId, receipt.Id, cancellationToken);
        await store.DeleteAsync(userId, receipt.Id, cancellationToken);
    }

    /// <summary>Removes the user's uploads never attached and the receipts of expenses deleted long enough ago.</summary>
    public async Task SweepAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var receipt in await store.ListAsync(userId, cancellationToken))
        {
            var expired = receipt.State switch
            {
                ReceiptState.Pending => receipt.ChangedAt < now - options.Value.PendingLifetime,
                ReceiptState.Detached => receipt.ChangedAt < now - options.Value.DetachedGracePeriod,
                _ => false,
            };
            if (expired)
            {
                try
                {
                    await DeleteAsync(userId, receipt, cancellationToken);
                }
                catch (NotFoundException)
                {
                    // Swept by a request running at the same time.
                }
            }
        }
    }

    /// <summary>On a laptop: the posted file streamed to a pending upload, inspected, patched in place and given a thumbnail.</summary>
    private async Task<Receipt> ReceiveFileAsync(string userId, IFormFile file, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var name = NameOf(file.FileName);
        if (file.Length == 0 || file.Length > ReceiptInspector.MaxSize)
        {
            throw new FileRefusedException($"“{name}” {(file.Length == 0 ? "is empty" : "is larger than 10 MB")}.");
        }

        var uploads = (IReceivedUploads)files;
        var id = ReceiptRules.NewId();
        await using (var content = file.OpenReadStream())
        {
            await uploads.SavePendingAsync(userId, id, content, cancellationToken);
        }

        try
        {
            await using var opened = await files.OpenPendingAsync(userId, id, cancellationToken) ?? throw new FileRefusedException($"“{name}” could not be saved.");
            var inspection = await ReceiptInspector.InspectAsync(opened.Bytes, name, cancellationToken);
            await opened.DisposeAsync();
            await uploads.PatchPendingAsync(userId, id, inspection.LocationPatches, cancellationToken);
            var hasThumbnail = false;
            if (inspection.Kind is ReceiptKind.Jpeg or ReceiptKind.Png or ReceiptKind.Webp)
            {
                await using var pendingFile = uploads.ReadPending(userId, id);
                hasThumbnail = await SaveThumbnailAsync(userId, id, pendingFile, cancellationToken);
            }

            var receipt = NewReceipt(id, inspection.Kind, file.Length, name, hasThumbnail, receivedAt);
            await store.AddPendingAsync(userId, receipt, cancellationToken);
            await SweepAsync(userId, cancellationToken);
            return receipt;
        }
        catch (FileRefusedException)
        {
            await files.DeleteAsync(userId, id, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// A direct upload, checked again where it landed (by ranged reads of S3): the size the browser declared, the kind it
    /// was prepared for, and no location left. On a laptop the file was checked as it arrived.
    /// </summary>
    private async Task<Receipt> VerifyAsync(string userId, Receipt receipt, CancellationToken cancellationToken)
    {
        if (DirectUploads is null)
        {
            return receipt;
        }

        Inspection? inspection = null;
        await using (var opened = await files.OpenPendingAsync(userId, receipt.Id, cancellationToken))
        {
            try
            {
                inspection = opened?.Bytes.Length == receipt.Size ? await ReceiptInspector.InspectAsync(opened.Bytes, receipt.FileName, cancellationToken) : null;
            }
            catch (FileRefusedException)
            {
                // Said below, in the words of this case: what arrived is not what was checked.
            }
        }

        if (inspection is null || inspection.Kind != receipt.Kind || inspection.LocationPatches.Count > 0)
        {
            await DeleteAsync(userId, receipt, cancellationToken);
            throw new FileRefusedException($"“{receipt.FileName}” did not arrive as it was checked before uploading; choose it again.");
        }

        return receipt;
    }

    private async Task<bool> SaveThumbnailAsync(string userId, string id, Stream source, CancellationToken cancellationToken)
    {
        if (await ReceiptThumbnails.MakeAsync(source, cancellationToken) is not { } jpeg)
        {
            return false;
        }

        await files.SaveThumbnailAsync(userId, id, new MemoryStream(jpeg), cancellationToken);
        return true;
    }

    private static Receipt NewReceipt(string id, ReceiptKind kind, long size, string fileName, bool hasThumbnail, DateTimeOffset at) =>
        new(id, null, kind, size, NameOf(fileName), hasThumbnail, ReceiptState.Pending, at, at);

    /// <summary>The name as shown back to the person: without a path, at most 120 characters, never empty.</summary>
    private static string NameOf(string fileName)
    {
        var name = fileName.Replace('\\', '/').Split('/')[^1].Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length == 0 ? "receipt" : name.Length > 120 ? name[..120] : name;
    }
}

/// <summary>The pending uploads a form holds now, and the message of a file it refused (if any).</summary>
public sealed record ReceivedUploads(IReadOnlyList<Receipt> Pending, string? Error);

/// <summary>What a browser needs to upload one file straight to S3.</summary>
public sealed record PreparedUpload(string Id, IReadOnlyList<BytePatch> LocationPatches, DirectUpload Upload);
