using Amazon;
using Amazon.Runtime;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// Where an AWS client sends its requests, for the DynamoDB client and the S3 and KMS clients built the same way: a
/// local stand-in (DynamoDB Local, s3rver, a test's KMS) when a service URL is set, else the region's endpoint (the SDK's
/// own lookup, AWS_REGION in Lambda, when no region is set).
/// </summary>
public static class AwsEndpoint
{
    public static void Apply(ClientConfig config, string serviceUrl, string region)
    {
        if (serviceUrl.Length > 0)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = region.Length > 0 ? region : DynamoDbStorageOptions.LocalRegion;
        }
        else if (region.Length > 0)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
    }

    /// <summary>
    /// A local stand-in checks no credentials, but the SDK must sign with some: unless AWS_ACCESS_KEY_ID is set, it gets
    /// <paramref name="key"/> as both halves. Null: the SDK's own credential chain.
    /// </summary>
    public static AWSCredentials? LocalCredentials(string serviceUrl, string key = "local") =>
        serviceUrl.Length > 0 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
            ? new BasicAWSCredentials(key, key)
            : null;
}
