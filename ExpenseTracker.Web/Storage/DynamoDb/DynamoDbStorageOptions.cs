namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>The "Storage:DynamoDb" configuration section.</summary>
public sealed class DynamoDbStorageOptions
{
    public const string Section = "Storage:DynamoDb";

    public string TableName { get; set; } = "ExpenseTracker";

    /// <summary>The AWS region, e.g. "ap-south-1". Empty means the SDK's own lookup (AWS_REGION, set in Lambda).</summary>
    public string Region { get; set; } = "";

    /// <summary>
    /// An endpoint other than AWS's, for a local engine such as DynamoDB Local ("http://127.0.0.1:8000").
    /// With it and no AWS_ACCESS_KEY_ID in the environment, the client signs with dummy credentials.
    /// </summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>Create the table at start-up when it does not exist: for local runs only (in AWS the template owns it).</summary>
    public bool CreateTableIfMissing { get; set; }

    /// <summary>The region to sign for when <see cref="Region"/> is empty and a <see cref="ServiceUrl"/> is set.</summary>
    public const string LocalRegion = "us-east-1";

    /// <summary>Settings that cannot work, said at start-up instead of on the first request.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(TableName))
        {
            throw new InvalidOperationException("Storage:DynamoDb:TableName is empty; name the DynamoDB table to use.");
        }

        if (ServiceUrl.Length > 0 && !Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Storage:DynamoDb:ServiceUrl '{ServiceUrl}' is not an absolute URL such as http://127.0.0.1:8000.");
        }
    }
}
