using Amazon.KeyManagementService;
using Amazon.Runtime;
using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Web.DataProtection.Kms;

/// <summary>Builds the KMS client from <see cref="KeyRingKmsOptions"/>, with retries and a time-out set on purpose.</summary>
public static class KmsClient
{
    public static AmazonKeyManagementServiceClient Create(KeyRingKmsOptions options, Action<AmazonKeyManagementServiceConfig>? customize = null)
    {
        var config = new AmazonKeyManagementServiceConfig
        {
            // As for DynamoDB: a few quick attempts, then a clear 503, rather than a page that waits for seconds.
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(5),
        };
        AwsEndpoint.Apply(config, options.ServiceUrl, options.Region);
        customize?.Invoke(config);
        return AwsEndpoint.LocalCredentials(options.ServiceUrl) is { } credentials
            ? new AmazonKeyManagementServiceClient(credentials, config)
            : new AmazonKeyManagementServiceClient(config);
    }
}
