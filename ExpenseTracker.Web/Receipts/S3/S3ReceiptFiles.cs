using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace ExpenseTracker.Web.Receipts.S3;

/// <summary>
/// Receipts in a private S3 bucket. A browser uploads each file straight to <c>pending/{user}/{id}</c> with a presigned
/// POST whose policy fixes the key, the exact size and the content type; once inspected (by ranged reads) it is copied,
/// inside S3, to <c>receipts/{user}/{id}</c> with its exact type and a Content-Disposition, and opened by presigned GETs
/// that expire in minutes. The app never carries a file's bytes; uploads never attached expire by the bucket's
/// lifecycle rule on <c>pending/</c>.
/// </summary>
public sealed class S3ReceiptFiles(IAmazonS3 client, IOptions<ReceiptOptions> options, TimeProvider time) : IReceiptFiles, IDirectUploads
{
    public const string PendingPrefix = "pending/";
    public const string StoredPrefix = "receipts/";
    public const string ThumbnailPrefix = "thumbnails/";

    /// <summary>Long enough to upload 10 MB on a slow phone connection.</summary>
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Minutes: a link copied out of the page stops working soon after.</summary>
    public static readonly TimeSpan OpenLifetime = TimeSpan.FromMinutes(5);

    private readonly string bucket = options.Value.S3.BucketName;

    public string Location => $"S3 bucket {bucket}" + (options.Value.S3.ServiceUrl is { Length: > 0 } url ? $" at {url}" : "");

    public string Origin => new Uri(client.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = bucket,
        Key = "origin",
        Expires = time.GetUtcNow().UtcDateTime.AddMinutes(1),
        Protocol = Protocol,
    })).GetLeftPart(UriPartial.Authority);

    private Protocol Protocol => options.Value.S3.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;

    public async Task<DirectUpload> PrepareUploadAsync(string userId, string id, ReceiptKind kind, long size, CancellationToken cancellationToken)
    {
        var response = await client.CreatePresignedPostAsync(new CreatePresignedPostRequest
        {
            BucketName = bucket,
            Key = Key(PendingPrefix, userId, id),
            Expires = time.GetUtcNow().UtcDateTime.Add(UploadLifetime),
            Fields = new Dictionary<string, string> { ["Content-Type"] = kind.ContentType(), ["success_action_status"] = "201" },
            Conditions =
            [
                S3PostCondition.ExactMatch("Content-Type", kind.ContentType()),
                S3PostCondition.ExactMatch("success_action_status", "201"),
                // The size the browser declared, exactly: the inspection read the file's metadata at that size.
                S3PostCondition.ContentLengthRange(size, size),
            ],
        });
        return new DirectUpload(response.Url, response.Fields);
    }

    public async Task<OpenedReceipt?> OpenPendingAsync(string userId, string id, CancellationToken cancellationToken)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(bucket, Key(PendingPrefix, userId, id), cancellationToken);
            return new OpenedReceipt(new S3ReceiptBytes(client, bucket, Key(PendingPrefix, userId, id), head.ContentLength), null);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task StoreAsync(string userId, Receipt receipt, CancellationToken cancellationToken)
    {
        var copy = new CopyObjectRequest
        {
            SourceBucket = bucket,
            SourceKey = Key(PendingPrefix, userId, receipt.Id),
            DestinationBucket = bucket,
            DestinationKey = Key(StoredPrefix, userId, receipt.Id),
            MetadataDirective = S3MetadataDirective.REPLACE,
            ContentType = receipt.ContentType,
        };
        copy.Headers.ContentDisposition = ReceiptHeaders.ContentDisposition(receipt);
        await client.CopyObjectAsync(copy, cancellationToken);
        await client.DeleteObjectAsync(bucket, copy.SourceKey, cancellationToken);
    }

    // A thumbnail is a few kilobytes in memory: sent whole, with its checksum in a header, not aws-chunked. S3 drops
    // "aws-chunked" from what it stores; an S3-compatible server that keeps it as the object's Content-Encoding serves a
    // thumbnail no browser can decode.
    public Task SaveThumbnailAsync(string userId, string id, Stream jpeg, CancellationToken cancellationToken) =>
        client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket,
                Key = Key(ThumbnailPrefix, userId, id),
                InputStream = jpeg,
                ContentType = "image/jpeg",
                UseChunkEncoding = false,
            },
            cancellationToken);

    public Task<ReceiptDownload?> OpenAsync(string userId, Receipt receipt, bool thumbnail, CancellationToken cancellationToken)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = Key(thumbnail ? ThumbnailPrefix : StoredPrefix, userId, receipt.Id),
            Verb = HttpVerb.GET,
            Expires = time.GetUtcNow().UtcDateTime.Add(OpenLifetime),
            Protocol = Protocol,
        };
        // The answer's type and disposition are fixed by the signature too, whatever the object says.
        request.ResponseHeaderOverrides.ContentType = thumbnail ? "image/jpeg" : receipt.ContentType;
        request.ResponseHeaderOverrides.ContentDisposition = thumbnail ? "inline" : ReceiptHeaders.ContentDisposition(receipt);
        return Task.FromResult<ReceiptDownload?>(new ReceiptDownload(null, new Uri(client.GetPreSignedURL(request))));
    }

    public Task DeleteAsync(string userId, string id, CancellationToken cancellationToken) =>
        client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Objects = [.. new[] { PendingPrefix, StoredPrefix, ThumbnailPrefix }.Select(prefix => new KeyVersion { Key = Key(prefix, userId, id) })],
        }, cancellationToken);

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        foreach (var prefix in new[] { PendingPrefix, StoredPrefix, ThumbnailPrefix })
        {
            var list = new ListObjectsV2Request { BucketName = bucket, Prefix = $"{prefix}{UserPart(userId)}/" };
            ListObjectsV2Response page;
            do
            {
                page = await client.ListObjectsV2Async(list, cancellationToken);
                if (page.S3Objects is { Count: > 0 } objects)
                {
                    await client.DeleteObjectsAsync(
                        new DeleteObjectsRequest { BucketName = bucket, Objects = [.. objects.Select(entry => new KeyVersion { Key = entry.Key })] }, cancellationToken);
                }

                list.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true);
        }
    }

    private static string Key(string prefix, string userId, string id) =>
        ReceiptRules.IsId(id) ? $"{prefix}{UserPart(userId)}/{id}" : throw new NotFoundException("That receipt does not exist.");

    private static string UserPart(string userId) =>
        userId is { Length: > 0 and <= 100 } && userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? userId
            : throw new InvalidValueException("The user id cannot name a key.");
}
