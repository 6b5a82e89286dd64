using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// The table in template.yaml is the one the store's code creates in every test (<see cref="DynamoDbTable.Definition"/>),
/// and the function is pointed at it: a table that differed would fail in AWS only, on the first list or write.
/// </summary>
public class TableTemplateTests
{
    private readonly CloudFormationTemplate template = CloudFormationTemplate.Load();

    private readonly Amazon.DynamoDBv2.Model.CreateTableRequest code = DynamoDbTable.Definition("ExpenseTracker");

    private IReadOnlyDictionary<string, object?> Table => template.Properties("Table");

    [Fact]
    public void TheTemplatesTableHasTheAttributesAndKeysOfTheCode()
    {
        Assert.Equal(
            code.AttributeDefinitions.Select(attribute => (attribute.AttributeName, attribute.AttributeType.Value)).Order(),
            Table.Items("AttributeDefinitions").Select(attribute => (attribute.Map().Text("AttributeName"), attribute.Map().Text("AttributeType"))).Order());
        Assert.Equal(KeySchema(code.KeySchema), KeySchema(Table.Items("KeySchema")));
        Assert.Equal(code.BillingMode.Value, Table.Text("BillingMode"));
    }

    [Fact]
    public void TheTemplatesTableHasTheLocalIndexesOfTheCodeWithTheirKeysAndProjection()
    {
        var inTemplate = Table.Items("LocalSecondaryIndexes").Select(index => index.Map())
            .Select(index => (Name: index.Text("IndexName"), Keys: KeySchema(index.Items("KeySchema")), Projection: index.Map("Projection").Text("ProjectionType")))
            .OrderBy(index => index.Name)
            .ToList();
        var inCode = code.LocalSecondaryIndexes
            .Select(index => (Name: index.IndexName, Keys: KeySchema(index.KeySchema), Projection: index.Projection.ProjectionType.Value))
            .OrderBy(index => index.Name)
            .ToList();

        Assert.Equal(inCode.Select(index => index.Name), inTemplate.Select(index => index.Name));
        for (var i = 0; i < inCode.Count; i++)
        {
            Assert.Equal(inCode[i].Keys, inTemplate[i].Keys);
            Assert.Equal(inCode[i].Projection, inTemplate[i].Projection);
        }

        Assert.False(Table.ContainsKey("GlobalSecondaryIndexes"), "The code creates no global index.");
        Assert.True(code.GlobalSecondaryIndexes is null or { Count: 0 });
    }

    [Fact]
    public void TheTemplatesTableStreamsTheImagesTheCodeAsksFor()
    {
        Assert.True(code.StreamSpecification.StreamEnabled);
        Assert.Equal(code.StreamSpecification.StreamViewType.Value, Table.Map("StreamSpecification").Text("StreamViewType"));
    }

    [Fact]
    public void TheFunctionUsesTheTemplatesTableInTheStacksRegion()
    {
        var variables = template.Properties("WebFunction").Map("Environment").Map("Variables");

        Assert.Equal([("Table", null)], CloudFormationTemplate.References(variables["Storage__DynamoDb__TableName"]));
        Assert.Equal([("AWS::Region", null)], CloudFormationTemplate.References(variables["Storage__DynamoDb__Region"]));
        // Local-run settings stay at their defaults in AWS: the real endpoint, and the template owns the table.
        Assert.False(variables.ContainsKey("Storage__DynamoDb__ServiceUrl"));
        Assert.False(variables.ContainsKey("Storage__DynamoDb__CreateTableIfMissing"));
    }

    [Fact]
    public void TheFunctionsTablePolicyNamesTheTableAndEachOfItsIndexes()
    {
        var statement = TablePolicy(template);

        var resources = statement["Resource"].OneOrMany().Select(Arn).ToHashSet();

        Assert.Equal(["${Table.Arn}", .. code.LocalSecondaryIndexes.Select(index => "${Table.Arn}/index/" + index.IndexName)], resources);
    }

    /// <summary>A resource as Sub text: !GetAtt Table.Arn is ${Table.Arn}, a !Sub stays its pattern.</summary>
    private static string Arn(object? resource) => resource.Map() switch
    {
        var map when map.TryGetValue("Fn::GetAtt", out var target) => "${" + string.Join('.', target.Items()) + "}",
        var map => map.Text("Fn::Sub"),
    };

    /// <summary>The one statement of the function's role that reaches the table.</summary>
    public static IReadOnlyDictionary<string, object?> TablePolicy(CloudFormationTemplate template) =>
        Assert.Single(
            template.PolicyStatements(),
            entry => entry.Resource == "WebFunctionRole" && CloudFormationTemplate.References(entry.Statement.GetValueOrDefault("Resource")).Any(reference => reference.Name == "Table")).Statement;

    private static List<(string, string)> KeySchema(IEnumerable<Amazon.DynamoDBv2.Model.KeySchemaElement> keys) =>
        keys.Select(key => (key.AttributeName, key.KeyType.Value)).ToList();

    private static List<(string, string)> KeySchema(IEnumerable<object?> keys) =>
        keys.Select(key => (key.Map().Text("AttributeName"), key.Map().Text("KeyType"))).ToList();
}
