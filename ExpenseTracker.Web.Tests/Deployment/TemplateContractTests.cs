using System.Text.Json;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Hosting;
using ExpenseTracker.Web.StaticAssets;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// template.yaml cannot be deployed here, so these tests hold it to what the code expects: the settings the app
/// reads, the port it listens on, its health path, its executable, its asset prefix, and least-privilege IAM.
/// </summary>
public class TemplateContractTests
{
    private const string Function = "WebFunction";

    private static readonly Dictionary<string, string> DeployParameters = new() { ["AssetVersion"] = "20261115T063000-1a2b3c4d" };

    private readonly CloudFormationTemplate template = CloudFormationTemplate.Load();

    private IReadOnlyDictionary<string, string> Env => template.Environment(Function, DeployParameters);

    /// <summary>The environment variables that are app settings ("Section__Key"), as configuration keys.</summary>
    private Dictionary<string, string> AppSettingsInTemplate =>
        Env.Where(variable => variable.Key.Contains("__", StringComparison.Ordinal))
            .ToDictionary(variable => variable.Key.Replace("__", ":", StringComparison.Ordinal), variable => variable.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void TheFunctionRunsThePublishedExecutableOnTheDotnet10RuntimeThroughTheWebAdapter()
    {
        var function = template.Properties(Function);

        Assert.Equal("AWS::Serverless::Function", template.TypeOf(Function));
        Assert.Equal("dotnet10", function.Text("Runtime"));
        Assert.Equal(AppSettings.ExecutableName(), function.Text("Handler"));
        Assert.EndsWith(".zip", function.Text("CodeUri"));
        Assert.Equal("/opt/bootstrap", Env["AWS_LAMBDA_EXEC_WRAPPER"]);
        var layer = Assert.Single(function.Items("Layers"));
        var layerArn = layer.Map().Text("Fn::Sub");
        Assert.Matches(@"^arn:\$\{AWS::Partition\}:lambda:\$\{AWS::Region\}:753240598075:layer:LambdaAdapterLayerX86:\$\{LambdaAdapterLayerVersion\}$", layerArn);
        Assert.Equal("Number", template.Parameters.Map("LambdaAdapterLayerVersion").Text("Type"));
        Assert.Equal(["x86_64"], function.Items("Architectures"));
    }

    [Fact]
    public void TheWebAdapterForwardsToThePortTheAppListensOnAndWaitsForTheHealthEndpoint()
    {
        Assert.Equal(Env["AWS_LWA_PORT"], Env["ASPNETCORE_HTTP_PORTS"]);
        Assert.True(int.TryParse(Env["AWS_LWA_PORT"], out var port) && port is > 1024 and < 65536, "AWS_LWA_PORT must be a port the app may bind without privileges.");
        // ASPNETCORE_URLS would override ASPNETCORE_HTTP_PORTS and could move the app away from the adapter.
        Assert.DoesNotContain("ASPNETCORE_URLS", Env.Keys);
        Assert.Equal(HealthEndpointExtensions.Path, Env["AWS_LWA_READINESS_CHECK_PATH"]);
        Assert.Equal("Production", Env["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void TheHttpApiSendsEveryPathAndMethodToTheFunction()
    {
        var events = template.Properties(Function).Map("Events");
        var api = Assert.Single(events.Values, value => value.Map().Text("Type") == "HttpApi").Map().Map("Properties");

        // No Path and Method (or "$default") is the catch-all route; anything else would leave pages unrouted.
        Assert.True(!api.ContainsKey("Path") || api["Path"] as string == "$default", "The route must be $default.");
        Assert.False(api.ContainsKey("Method"), "A method would limit the catch-all route.");
        Assert.Equal([("HttpApi", null)], CloudFormationTemplate.References(api["ApiId"]));
        Assert.Equal("AWS::Serverless::HttpApi", template.TypeOf("HttpApi"));
    }

    [Fact]
    public void EverySettingTheAppShipsADefaultForIsDecidedByTheTemplate()
    {
        var settings = AppSettingsInTemplate;

        var undecided = AppSettings.DefaultedKeys()
            .Where(key => !settings.ContainsKey(key) && !AppSettings.BelongsToAnotherProvider(key, settings))
            .ToList();

        Assert.True(undecided.Count == 0, $"template.yaml leaves these at their laptop defaults: {string.Join(", ", undecided)}");
    }

    [Fact]
    public void EverySettingTheTemplateSetsIsOneTheAppReads()
    {
        var known = AppSettings.DefaultedKeys().Concat(AppSettings.OptionsKeys()).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unknown = AppSettingsInTemplate.Keys.Where(key => !known.Contains(key)).ToList();

        Assert.True(unknown.Count == 0, $"template.yaml sets settings no code reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void TheTemplateRunsTheAppInItsAwsShape()
    {
        var settings = AppSettingsInTemplate;

        Assert.Equal("DynamoDb", settings["Storage:Provider"]);
        Assert.Equal("S3", settings["Receipts:Provider"]);
        Assert.Equal("true", settings["Hosting:BehindProxy"]);
        Assert.Equal("true", settings["Hosting:JsonLogs"]);
        Assert.Equal("false", settings["StaticAssets:Serve"]);
        // Who may register is the deployer's choice, a parameter; a personal deployment by default.
        var variables = template.Properties(Function).Map("Environment").Map("Variables");
        Assert.Equal([("Registration", null)], CloudFormationTemplate.References(variables["Accounts__Registration"]));
        Assert.Equal("FirstUserOnly", template.Parameters.Map("Registration").Text("Default"));
        Assert.Equal(Enum.GetNames<RegistrationMode>(), template.Parameters.Map("Registration").Items("AllowedValues").Cast<string>());
        // Every request acts as its signed-in account: no configured user is left to act as.
        Assert.DoesNotContain(variables.Keys, key => key.StartsWith("ExpenseTracker__DefaultUserId", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CloudFrontServesTheAppsAssetPrefixFromThePrivateBucket()
    {
        var baseUrl = AppSettingsInTemplate[$"{StaticAssetOptions.Section}:{nameof(StaticAssetOptions.BaseUrl)}"];
        var config = template.Properties("Distribution").Map("DistributionConfig");
        var assets = Assert.Single(config.Items("CacheBehaviors")).Map();
        var pathPattern = assets.Text("PathPattern");
        var bucketOrigin = config.Items("Origins").Select(origin => origin.Map()).Single(origin => origin.Text("Id") == assets.Text("TargetOriginId"));

        Assert.EndsWith("/*", pathPattern);
        var prefix = "/" + pathPattern[..^1];
        Assert.StartsWith(prefix, baseUrl + "/");
        // A new prefix per deploy is what keeps browsers from running old CSS/JS against new pages.
        Assert.Equal($"/static/v-{DeployParameters["AssetVersion"]}", baseUrl);
        Assert.Equal([("AssetBucket", "RegionalDomainName")], CloudFormationTemplate.References(bucketOrigin["DomainName"]));
        Assert.Equal([("AssetOriginAccessControl", "Id")], CloudFormationTemplate.References(bucketOrigin["OriginAccessControlId"]));
        Assert.Equal("658327ea-f89d-4fab-a63d-7e88639e58f6", assets.Text("CachePolicyId"));
        Assert.Equal("redirect-to-https", assets.Text("ViewerProtocolPolicy"));
        Assert.Equal("true", assets["Compress"]);

        var read = Assert.Single(template.Properties("AssetBucketPolicy").Map("PolicyDocument").Items("Statement")).Map();
        Assert.Equal("${AssetBucket.Arn}" + prefix + "*", read.Map("Resource").Text("Fn::Sub"));
    }

    [Fact]
    public void TheAssetBucketIsPrivateAndReadOnlyByTheDistribution()
    {
        var blocks = template.Properties("AssetBucket").Map("PublicAccessBlockConfiguration");
        Assert.All(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], setting => Assert.Equal("true", blocks[setting]));

        var read = Assert.Single(template.Properties("AssetBucketPolicy").Map("PolicyDocument").Items("Statement")).Map();
        Assert.Equal("cloudfront.amazonaws.com", read.Map("Principal").Text("Service"));
        Assert.Equal("s3:GetObject", read["Action"]);
        var sourceArn = read.Map("Condition").Map("StringEquals")["AWS:SourceArn"];
        Assert.Contains(("Distribution", null), CloudFormationTemplate.References(sourceArn));
        Assert.Equal("s3", template.Properties("AssetOriginAccessControl").Map("OriginAccessControlConfig").Text("OriginAccessControlOriginType"));
    }

    [Fact]
    public void TheDistributionSendsEverythingElseToTheApiUncachedOverHttps()
    {
        var config = template.Properties("Distribution").Map("DistributionConfig");
        var defaults = config.Map("DefaultCacheBehavior");
        var apiOrigin = config.Items("Origins").Select(origin => origin.Map()).Single(origin => origin.Text("Id") == defaults.Text("TargetOriginId"));

        Assert.Contains(("HttpApi", null), CloudFormationTemplate.References(apiOrigin["DomainName"]));
        Assert.Equal("https-only", apiOrigin.Map("CustomOriginConfig").Text("OriginProtocolPolicy"));
        Assert.Equal("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", defaults.Text("CachePolicyId"));
        Assert.Equal("b689b0a8-53d0-40ab-baf2-68738e2966ac", defaults.Text("OriginRequestPolicyId"));
        Assert.Equal("redirect-to-https", defaults.Text("ViewerProtocolPolicy"));
        Assert.Equal("true", defaults["Compress"]);
        Assert.Contains("POST", defaults.Items("AllowedMethods"));
        // The viewer's host reaches the app as X-Forwarded-Host, which the app trusts behind the proxy.
        var association = Assert.Single(defaults.Items("FunctionAssociations")).Map();
        Assert.Equal("viewer-request", association.Text("EventType"));
        Assert.Contains("x-forwarded-host", template.Properties("ForwardHostFunction").Text("FunctionCode"));
    }

    [Fact]
    public void TheTableIsOnDemandWithPointInTimeRecoveryAndAStreamOfNewImages()
    {
        var table = template.Properties("Table");

        Assert.Equal("PAY_PER_REQUEST", table.Text("BillingMode"));
        Assert.Equal("true", table.Map("PointInTimeRecoverySpecification")["PointInTimeRecoveryEnabled"]);
        Assert.Equal("NEW_IMAGE", table.Map("StreamSpecification").Text("StreamViewType"));
        Assert.Equal("Retain", template.Resources.Map("Table").Text("DeletionPolicy"));
    }

    [Fact]
    public void ThePipeReadsOnlyTheTableStreamAndPublishesOnlyToTheAlertTopic()
    {
        var pipe = template.Properties("AlertPipe");

        Assert.Equal([("Table", "StreamArn")], CloudFormationTemplate.References(pipe["Source"]));
        Assert.Equal([("AlertTopic", null)], CloudFormationTemplate.References(pipe["Target"]));
        Assert.Equal([("AlertPipeRole", "Arn")], CloudFormationTemplate.References(pipe["RoleArn"]));
        var stream = pipe.Map("SourceParameters").Map("DynamoDBStreamParameters");
        Assert.Equal([("AlertDeadLetterQueue", "Arn")], CloudFormationTemplate.References(stream.Map("DeadLetterConfig")["Arn"]));
        var pattern = Assert.Single(pipe.Map("SourceParameters").Map("FilterCriteria").Items("Filters")).Map().Text("Pattern");
        using var filter = JsonDocument.Parse(pattern);
        Assert.Equal("INSERT", filter.RootElement.GetProperty("eventName")[0].GetString());

        var reachable = template.PolicyStatements().Where(entry => entry.Resource == "AlertPipeRole" && !entry.Statement.ContainsKey("Principal"))
            .SelectMany(entry => CloudFormationTemplate.References(entry.Statement["Resource"]))
            .ToHashSet();
        Assert.Equal([("Table", "StreamArn"), ("AlertTopic", null), ("AlertDeadLetterQueue", "Arn")], reachable);
        Assert.Equal("email", Assert.Single(template.Properties("AlertTopic").Items("Subscription")).Map().Text("Protocol"));
    }

    [Fact]
    public void TheFunctionMayTouchOnlyItsTableItsReceiptBucketAndItsLogGroup()
    {
        Assert.Equal([("WebFunctionRole", "Arn")], CloudFormationTemplate.References(template.Properties(Function)["Role"]));

        var reachable = template.PolicyStatements().Where(entry => entry.Resource == "WebFunctionRole" && !entry.Statement.ContainsKey("Principal"))
            .SelectMany(entry => CloudFormationTemplate.References(entry.Statement["Resource"]).Select(reference => reference.Name))
            .ToHashSet();

        Assert.Equal(["WebLogGroup", "Table", "ReceiptBucket"], reachable);
    }

    [Fact]
    public void NoIamStatementAllowsEveryActionOrEveryResource()
    {
        var statements = template.PolicyStatements().ToList();
        Assert.NotEmpty(statements);

        // A Deny may be as broad as it likes: it only takes away.
        foreach (var (resource, statement) in statements.Where(entry => entry.Statement.Text("Effect") != "Deny"))
        {
            Assert.False(statement.ContainsKey("NotAction") || statement.ContainsKey("NotResource"), $"{resource}: NotAction/NotResource grant by omission.");
            foreach (var action in statement["Action"].OneOrMany())
            {
                Assert.DoesNotContain("*", Assert.IsType<string>(action));
            }

            // In a KMS key's own policy "*" is the only resource there is: it means that key, nothing else.
            if (statement.TryGetValue("Resource", out var resources) && template.TypeOf(resource) != "AWS::KMS::Key")
            {
                Assert.All(resources.OneOrMany(), target => Assert.NotEqual("*", target as string));
            }
        }

        Assert.DoesNotContain(template.Resources, entry => FindKey(entry.Value, "ManagedPolicyArns"));
        Assert.DoesNotContain(template.Resources, entry => entry.Value.Map().Text("Type") == "AWS::Serverless::Function" && entry.Value.Map("Properties").ContainsKey("Policies"));
    }

    [Fact]
    public void EveryReferenceNamesADeclaredParameterResourceOrPseudoParameter()
    {
        var declared = template.Parameters.Keys.Concat(template.Resources.Keys)
            // SAM's generated names and CloudFormation's pseudo parameters.
            .Concat(["AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName", "AWS::URLSuffix"])
            .ToHashSet();

        var dangling = CloudFormationTemplate.References(template.Root).Where(reference => !declared.Contains(reference.Name)).ToList();

        Assert.Empty(dangling);
    }

    [Fact]
    public void TheOutputsNameTheSiteTheBucketTheTableAndTheTopic()
    {
        var outputs = template.Outputs;

        Assert.Contains(("Distribution", "DomainName"), CloudFormationTemplate.References(outputs.Map("SiteUrl")["Value"]));
        Assert.Equal([("AssetBucket", null)], CloudFormationTemplate.References(outputs.Map("AssetBucketName")["Value"]));
        Assert.Equal([("ReceiptBucket", null)], CloudFormationTemplate.References(outputs.Map("ReceiptBucketName")["Value"]));
        Assert.Equal([("Table", null)], CloudFormationTemplate.References(outputs.Map("TableName")["Value"]));
        Assert.Equal([("AlertTopic", null)], CloudFormationTemplate.References(outputs.Map("AlertTopicArn")["Value"]));
    }

    private static bool FindKey(object? node, string key) => node switch
    {
        IReadOnlyDictionary<string, object?> map => map.ContainsKey(key) || map.Values.Any(child => FindKey(child, key)),
        IReadOnlyList<object?> list => list.Any(child => FindKey(child, key)),
        _ => false,
    };
}
