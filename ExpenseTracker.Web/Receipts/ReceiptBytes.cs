namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// A file the inspector reads at chosen places rather than from start to end: a file on disk, an object in S3 (by
/// ranged reads), or only the beginning and end of a file that a browser sent before uploading it to S3. The
/// inspector reads what it needs (headers, metadata, the end) and never the whole file.
/// </summary>
public abstract class ReceiptBytes
{
    public abstract long Length { get; }

    /// <summary>
    /// <paramref name="count"/> bytes from <paramref name="offset"/>, fewer at the end of the file.
    /// </summary>
    /// <exception cref="BytesNotAvailableException">This source does not have those bytes (only part of the file was sent).</exception>
    public abstract ValueTask<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken);

    protected int Clip(long offset, int count) =>
        offset >= Length || offset < 0 ? 0 : (int)Math.Min(count, Length - offset);
}

/// <summary>Asked for bytes that the source was not given.</summary>
public sealed class BytesNotAvailableException(long offset) : Exception($"The bytes at {offset} were not sent.");

/// <summary>A file on disk (a laptop's upload, before it is attached).</summary>
public sealed class FileReceiptBytes(FileStream file) : ReceiptBytes
{
    public override long Length => file.Length;

    public override async ValueTask<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[Clip(offset, count)];
        file.Position = offset;
        await file.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}

/// <summary>
/// The first and last bytes of a file of <see cref="Length"/> bytes, as a browser sends them before uploading the whole
/// file straight to S3: enough to tell its type and find the location data in its metadata.
/// </summary>
public sealed class PartialReceiptBytes(long length, byte[] head, byte[] tail) : ReceiptBytes
{
    public override long Length => length;

    public override ValueTask<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        var wanted = Clip(offset, count);
        if (offset + wanted <= head.Length)
        {
            return ValueTask.FromResult(head.AsSpan((int)offset, wanted).ToArray());
        }

        var tailStart = length - tail.Length;
        if (offset >= tailStart && offset + wanted <= length)
        {
            return ValueTask.FromResult(tail.AsSpan((int)(offset - tailStart), wanted).ToArray());
        }

        throw new BytesNotAvailableException(offset);
    }
}
