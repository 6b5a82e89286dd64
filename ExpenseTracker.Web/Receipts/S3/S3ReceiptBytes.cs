using Amazon.S3;
using Amazon.S3.Model;

namespace ExpenseTracker.Web.Receipts.S3;

/// <summary>
/// An object in S3 read by ranged GETs, at least 64 KB at a time and kept for the next read: the inspector reads the
/// beginning, the end and the metadata, so a 10 MB photo costs two or three small requests, never its whole body.
/// </summary>
internal sealed class S3ReceiptBytes(IAmazonS3 client, string bucket, string key, long length) : ReceiptBytes
{
    private const int MinimumRead = 64 * 1024;

    private readonly List<(long Start, byte[] Bytes)> read = [];

    public override long Length => length;

    public long BytesRead => read.Sum(range => (long)range.Bytes.Length);

    public override async ValueTask<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        var wanted = Clip(offset, count);
        if (wanted == 0)
        {
            return [];
        }

        foreach (var (start, bytes) in read)
        {
            if (offset >= start && offset + wanted <= start + bytes.Length)
            {
                return bytes.AsSpan((int)(offset - start), wanted).ToArray();
            }
        }

        var end = Math.Min(length, offset + Math.Max(wanted, MinimumRead)) - 1;
        using var response = await client.GetObjectAsync(
            new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(offset, end) }, cancellationToken);
        var buffer = new byte[end - offset + 1];
        await response.ResponseStream.ReadExactlyAsync(buffer, cancellationToken);
        read.Add((offset, buffer));
        return buffer.AsSpan(0, wanted).ToArray();
    }
}
