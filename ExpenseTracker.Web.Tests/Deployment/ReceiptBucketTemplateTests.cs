using ExpenseTracker.Web.Receipts.S3;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>The receipt bucket in template.yaml: private, encrypted, reachable from the site only, and the function's exact rights on it.</summary>
public class ReceiptBucketTemplateTests
{
    private readonly CloudFormationTemplate template = CloudFormationTemplate.Load();

    [Fact]
    public void TheReceiptBucketBlocksPublicAccessEncryptsAndRefusesPlainHttp()
    {
        var bucket = template.Properties("ReceiptBucket");

        var blocks = bucket.Map("PublicAccessBlockConfiguration");
        Assert.All(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], setting => Assert.Equal("true", blocks[setting]));
        var encryption = Assert.Single(bucket.Map("BucketEncryption").Items("ServerSideEncryptionConfiguration")).Map();
        Assert.Equal("AES256", encryption.Map("ServerSideEncryptionByDefault").Text("SSEAlgorithm"));
        var deny = Assert.Single(template.Properties("ReceiptBucketPolicy").Map("PolicyDocument").Items("Statement")).Map();
        Assert.Equal("Deny", deny.Text("Effect"));
        Assert.Equal("false", deny.Map("Condition").Map("Bool")["aws:SecureTransport"]);
    }

    [Fact]
    public void BrowsersMayUploadAndReadFromTheSitesOriginOnly()
    {
        var rule = Assert.Single(template.Properties("ReceiptBucket").Map("CorsConfiguration").Items("CorsRules")).Map();

        var origin = Assert.Single(rule.Items("AllowedOrigins"));
        Assert.Equal([("Distribution", "DomainName")], CloudFormationTemplate.References(origin));
        Assert.StartsWith("https://", origin.Map().Text("Fn::Sub"));
        Assert.Equal(["POST", "GET"], rule.Items("AllowedMethods").Cast<string>());
    }

    [Fact]
    public void UploadsNeverAttachedAreRemovedByALifecycleRuleOnThePendingPrefix()
    {
        var rule = Assert.Single(template.Properties("ReceiptBucket").Map("LifecycleConfiguration").Items("Rules")).Map();

        Assert.Equal("Enabled", rule.Text("Status"));
        Assert.Equal(S3ReceiptFiles.PendingPrefix, rule.Text("Prefix"));
        Assert.Equal("1", rule["ExpirationInDays"]);
    }

    [Fact]
    public void TheFunctionHasExactlyTheS3ActionsTheFileStoreUsesOnExactlyThatBucket()
    {
        var statements = template.PolicyStatements()
            .Where(entry => entry.Resource == "WebFunctionRole" && entry.Statement["Action"].OneOrMany().Any(action => ((string)action!).StartsWith("s3:", StringComparison.Ordinal)))
            .Select(entry => entry.Statement)
            .ToList();

        var objects = statements.Single(statement => statement.Map("Resource").ContainsKey("Fn::Sub"));
        Assert.Equal(["s3:PutObject", "s3:GetObject", "s3:DeleteObject"], objects["Action"].OneOrMany().Cast<string>());
        Assert.Equal("${ReceiptBucket.Arn}/*", objects.Map("Resource").Text("Fn::Sub"));
        var listing = statements.Single(statement => statement != objects);
        Assert.Equal("s3:ListBucket", listing["Action"]);
        Assert.Equal([("ReceiptBucket", "Arn")], CloudFormationTemplate.References(listing["Resource"]));
    }

    [Fact]
    public void TheFunctionKeepsReceiptsInThatBucketInTheStacksRegion()
    {
        var variables = template.Properties("WebFunction").Map("Environment").Map("Variables");

        Assert.Equal("S3", variables["Receipts__Provider"]);
        Assert.Equal([("ReceiptBucket", null)], CloudFormationTemplate.References(variables["Receipts__S3__BucketName"]));
        Assert.Equal([("AWS::Region", null)], CloudFormationTemplate.References(variables["Receipts__S3__Region"]));
    }
}
