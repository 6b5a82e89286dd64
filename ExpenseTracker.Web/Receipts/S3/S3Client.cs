using Amazon.Runtime;
using Amazon.S3;
using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Web.Receipts.S3;

/// <summary>Builds the S3 client from <see cref="ReceiptOptions.S3Settings"/>, with retries set as the DynamoDB client's are.</summary>
public static class S3Client
{
    /// <summary>s3rver's built-in key, for a local endpoint when no AWS credentials are in the environment.</summary>
    private const string LocalKey = "S3RVER";

    public static AmazonS3Client Create(ReceiptOptions.S3Settings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.BucketName))
        {
            throw new InvalidOperationException("Receipts:S3:BucketName is empty; name the bucket receipts are kept in.");
        }

        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 3,
            Timeout = TimeSpan.FromSeconds(10),
            // s3rver serves buckets by path, not by host name.
            ForcePathStyle = settings.ServiceUrl.Length > 0,
        };
        AwsEndpoint.Apply(config, settings.ServiceUrl, settings.Region);
        return AwsEndpoint.LocalCredentials(settings.ServiceUrl, LocalKey) is { } credentials
            ? new AmazonS3Client(credentials, config)
            : new AmazonS3Client(config);
    }
}
