using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>Builds the low-level client from <see cref="DynamoDbStorageOptions"/>, with retries set on purpose.</summary>
public static class DynamoDbClient
{
    public static AmazonDynamoDBConfig Config(DynamoDbStorageOptions options)
    {
        var config = new AmazonDynamoDBConfig
        {
            // Standard: exponential back-off with jitter for throttling, 5xx and dropped connections. Not Adaptive:
            // its client-side rate limiter makes a request wait for capacity, and a person waiting on a page is
            // better served by a quick, clear "try again" (503) than by a slow page.
            RetryMode = RequestRetryMode.Standard,
            // The DynamoDB client's default is 10 retries, which can hold a request for many seconds, past
            // API Gateway's 29 s. Three (four attempts) ride out a short throttle or a dropped connection.
            MaxErrorRetry = 3,
            // One attempt never needs long against DynamoDB; a hung connection fails over to the next attempt.
            Timeout = TimeSpan.FromSeconds(5),
        };
        AwsEndpoint.Apply(config, options.ServiceUrl, options.Region);
        return config;
    }

    /// <summary>
    /// A client for the configured endpoint. A local engine checks no credentials, but the SDK must sign with some:
    /// unless AWS_ACCESS_KEY_ID is set, it gets dummy ones.
    /// </summary>
    public static AmazonDynamoDBClient Create(DynamoDbStorageOptions options, Action<AmazonDynamoDBConfig>? customize = null)
    {
        options.Validate();
        var config = Config(options);
        customize?.Invoke(config);
        return AwsEndpoint.LocalCredentials(options.ServiceUrl) is { } credentials
            ? new AmazonDynamoDBClient(credentials, config)
            : new AmazonDynamoDBClient(config);
    }
}
