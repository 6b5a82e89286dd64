using Amazon;
using Amazon.Runtime;
using Amazon.S3;

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
        };
        if (settings.ServiceUrl.Length > 0)
        {
            config.ServiceURL = settings.ServiceUrl;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = settings.Region.Length > 0 ? settings.Region : "us-east-1";
        }
        else if (settings.Region.Length > 0)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        var local = settings.ServiceUrl.Length > 0 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
        return local ? new AmazonS3Client(new BasicAWSCredentials(LocalKey, LocalKey), config) : new AmazonS3Client(config);
    }
}
