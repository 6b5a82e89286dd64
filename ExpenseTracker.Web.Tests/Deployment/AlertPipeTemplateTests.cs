using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Budgets.DynamoDb;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// The Pipe in template.yaml must use the filter and the message the alerts code defines: AlertPipeTests prove
/// those against items the store writes, and these tests prove the template carries exactly them.
/// </summary>
public class AlertPipeTemplateTests
{
    private readonly CloudFormationTemplate template = CloudFormationTemplate.Load();

    private IReadOnlyDictionary<string, object?> Pipe => template.Properties(template.Single("AWS::Pipes::Pipe"));

    [Fact]
    public void ThePipeFiltersStreamRecordsWithTheAlertPatternOfTheCode()
    {
        var filter = Assert.Single(Pipe.Map("SourceParameters").Map("FilterCriteria").Items("Filters"));

        var inTemplate = JsonNode.Parse(filter.Text("Pattern"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(AlertPipe.FilterPattern), inTemplate), $"template pattern: {inTemplate}");
    }

    [Fact]
    public void ThePipeSendsTheAlertsOwnSentenceToTheTopic()
    {
        Assert.Equal(AlertPipe.InputTemplate, Pipe.Map("TargetParameters").Text("InputTemplate"));
        Assert.Equal("AWS::SNS::Topic", template.TypeOf(CloudFormationTemplate.References(Pipe["Target"]).Single().Name));
    }

    [Fact]
    public void ThePipeReadsTheTablesStreamWhichCarriesNewImages()
    {
        var source = CloudFormationTemplate.References(Pipe["Source"]).Single();

        Assert.Equal(("StreamArn", "AWS::DynamoDB::Table"), (source.Attribute, template.TypeOf(source.Name)));
        Assert.Contains("NEW", template.Properties(source.Name).Map("StreamSpecification").Text("StreamViewType"));
    }
}

/// <summary>
/// The Pipe of template.yaml against what the DynamoDB store really writes: the items of a write that crossed the
/// budget, read back from DynamoDB Local and shaped as the stream records of their insert.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class AlertPipeOnDynamoDbTests(DynamoDbLocal engine)
{
    private readonly CloudFormationTemplate template = CloudFormationTemplate.Load();
    private readonly string user = StoreTestData.NewUserId();

    private IReadOnlyDictionary<string, object?> Pipe => template.Properties(template.Single("AWS::Pipes::Pipe"));

    private JsonNode Pattern => JsonNode.Parse(Assert.Single(Pipe.Map("SourceParameters").Map("FilterCriteria").Items("Filters")).Text("Pattern"))!;

    [Fact]
    public async Task TheTemplatesFilterLetsThroughTheAlertItemTheStoreWroteAndTheMessageIsItsSentence()
    {
        var alert = await CrossTheBudgetAsync();

        var inserted = Inserted(await ItemAsync(AlertItem.SortKey(alert)));

        Assert.True(EventPattern.Matches(Pattern, inserted), inserted.ToJsonString());
        var messagePath = Pipe.Map("TargetParameters").Text("InputTemplate").Split('<', '>')[1];
        Assert.Equal("$.dynamodb.NewImage.Message.S", messagePath);
        Assert.Equal(alert.Message, messagePath[2..].Split('.').Aggregate((JsonNode)inserted, (node, name) => node[name]!).GetValue<string>());
    }

    [Fact]
    public async Task TheTemplatesFilterStopsTheExpenseAndTheTotalsTheSameWriteInserted()
    {
        var alert = await CrossTheBudgetAsync();
        var response = await engine.Client.QueryAsync(new QueryRequest
        {
            TableName = engine.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = ItemKeys.User(user) } },
        });

        var passed = response.Items.Where(item => EventPattern.Matches(Pattern, Inserted(item))).Select(item => item["SK"].S).ToList();

        // The expenses, their daily and category totals, the month and grand totals and the budget: only the alert passes.
        Assert.Contains(response.Items, item => item["SK"].S.StartsWith("EXPENSE#", StringComparison.Ordinal));
        Assert.Contains(response.Items, item => item["SK"].S == "TOTAL");
        Assert.Contains(response.Items, item => item["SK"].S.StartsWith("MONTH#", StringComparison.Ordinal));
        Assert.Equal([AlertItem.SortKey(alert)], passed);
    }

    private async Task<BudgetAlert> CrossTheBudgetAsync()
    {
        var expenses = TestStores.Expenses(engine.Client, engine.TableName, TimeProvider.System);
        await new DynamoDbBudgetStore(new AppTable(engine.Client, engine.TableName), BudgetAlerting.Standalone(), TimeProvider.System)
            .SaveAsync(user, new BudgetSettings(Money.FromRupees(10_000), BudgetPeriod.CalendarMonth, 0));
        await expenses.AddExpenseAsync(user, StoreTestData.Draft("2026-11-03", 9_000));
        return Assert.Single((await expenses.AddAsync(user, StoreTestData.Draft("2026-11-14", 1_250))).Alerts);
    }

    private async Task<Dictionary<string, AttributeValue>> ItemAsync(string sortKey)
    {
        var response = await engine.Client.GetItemAsync(new GetItemRequest
        {
            TableName = engine.TableName,
            ConsistentRead = true,
            Key = new() { ["PK"] = new AttributeValue { S = ItemKeys.User(user) }, ["SK"] = new AttributeValue { S = sortKey } },
        });
        Assert.True(response.IsItemSet, $"No item {sortKey}.");
        return response.Item;
    }

    /// <summary>The stream record of the item's insert, as the Pipe receives it (DynamoDB JSON, the template's view type).</summary>
    private JsonObject Inserted(Dictionary<string, AttributeValue> item) => new()
    {
        ["eventID"] = "1",
        ["eventName"] = "INSERT",
        ["eventVersion"] = "1.1",
        ["eventSource"] = "aws:dynamodb",
        ["awsRegion"] = "ap-south-1",
        ["dynamodb"] = new JsonObject
        {
            ["Keys"] = new JsonObject { ["PK"] = Json(item["PK"]), ["SK"] = Json(item["SK"]) },
            ["NewImage"] = new JsonObject(item.Select(attribute => KeyValuePair.Create(attribute.Key, (JsonNode?)Json(attribute.Value)))),
            ["SequenceNumber"] = "100000000000000000001",
            ["StreamViewType"] = template.Properties("Table").Map("StreamSpecification").Text("StreamViewType"),
        },
    };

    private static JsonObject Json(AttributeValue value) => value switch
    {
        { S: { } text } => new JsonObject { ["S"] = text },
        { N: { } number } => new JsonObject { ["N"] = number },
        { SS: { Count: > 0 } strings } => new JsonObject { ["SS"] = new JsonArray([.. strings.Select(text => (JsonNode?)text)]) },
        _ => throw new NotSupportedException("The store writes only strings, numbers and string sets."),
    };
}
