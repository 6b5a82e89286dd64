using Amazon;
using Amazon.KeyManagementService;
using Amazon.Runtime;

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
        if (options.ServiceUrl.Length > 0)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region.Length > 0 ? options.Region : "us-east-1";
        }
        else if (options.Region.Length > 0)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        customize?.Invoke(config);
        var useDummyCredentials = options.ServiceUrl.Length > 0
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
        return useDummyCredentials
            ? new AmazonKeyManagementServiceClient(new BasicAWSCredentials("local", "local"), config)
            : new AmazonKeyManagementServiceClient(config);
    }
}
