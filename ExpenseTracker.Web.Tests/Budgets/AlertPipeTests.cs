using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Budgets.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;

namespace ExpenseTracker.Web.Tests.Budgets;

/// <summary>
/// The EventBridge Pipe that emails alerts in AWS, checked against the item shape the app writes: the filter lets
/// exactly the inserted alert items through, and the input template turns one into the alert's sentence.
/// </summary>
public sealed partial class AlertPipeTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheFilterLetsThroughTheInsertOfAnAlertTheStoreRecorded()
    {
        var alert = await RecordedAlertAsync();

        var inserted = StreamRecord("INSERT", AlertItem.ToItem(factory.DefaultUserId, alert));

        Assert.True(EventPattern.Matches(Pattern, inserted));
        Assert.Equal("ALERT#2026-11#Exceeded#1000000#100", inserted["dynamodb"]!["Keys"]!["SK"]!["S"]!.GetValue<string>());
        Assert.Equal("USER#test-user", inserted["dynamodb"]!["Keys"]!["PK"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheFilterStopsEveryOtherChange()
    {
        var item = AlertItem.ToItem(factory.DefaultUserId, await RecordedAlertAsync());

        Assert.False(EventPattern.Matches(Pattern, StreamRecord("MODIFY", item)));
        Assert.False(EventPattern.Matches(Pattern, StreamRecord("REMOVE", item, withNewImage: false)));
        // The daily total a write also inserts, and an expense: same table, other types and keys.
        Assert.False(EventPattern.Matches(Pattern, StreamRecord("INSERT", new()
        {
            ["PK"] = new AttributeValue { S = "USER#test-user" },
            ["SK"] = new AttributeValue { S = "DAY#2026-11-15#CATEGORY#food" },
            ["Type"] = new AttributeValue { S = "DailyTotal" },
            ["AmountPaise"] = new AttributeValue { N = "1025000" },
        })));
        Assert.False(EventPattern.Matches(Pattern, StreamRecord("INSERT", new(item) { ["Type"] = new AttributeValue { S = "Expense" } })));
        Assert.False(EventPattern.Matches(Pattern, StreamRecord("INSERT", new(item) { ["SK"] = new AttributeValue { S = "EXPENSE#x" } })));
    }

    [Fact]
    public async Task TheFilterStopsTheInsertOfAnAlertARestoreBroughtBack()
    {
        var item = AlertItem.ToItem(factory.DefaultUserId, await RecordedAlertAsync());
        item["Restored"] = new AttributeValue { BOOL = true };

        Assert.False(EventPattern.Matches(Pattern, StreamRecord("INSERT", item)));
    }

    [Fact]
    public async Task TheInputTemplateTurnsTheInsertedItemIntoTheAlertsSentence()
    {
        var alert = await RecordedAlertAsync();

        var message = Render(AlertPipe.InputTemplate, StreamRecord("INSERT", AlertItem.ToItem(factory.DefaultUserId, alert)));

        Assert.StartsWith("Budget alert: your spending for November 2026 is ₹10,250.00, above your ₹10,000.00 budget. ", message);
        Assert.DoesNotContain("<", message);
    }

    [Fact]
    public async Task AnAlertItemReadsBackAsTheSameAlert()
    {
        var alert = await RecordedAlertAsync();

        var item = AlertItem.ToItem("test-user", alert);

        Assert.Equal(alert, AlertItem.ToAlert(item));
    }

    [Fact]
    public void TheDocumentForTheTemplateCarriesExactlyThisFilterAndInputTemplate()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "alerts-pipe.md"));

        var pattern = JsonCodeBlock().Match(document);
        Assert.True(pattern.Success, "docs/alerts-pipe.md has no ```json block.");
        Assert.True(JsonNode.DeepEquals(Pattern, JsonNode.Parse(pattern.Groups[1].Value)), "The pattern in docs/alerts-pipe.md differs from AlertPipe.FilterPattern.");
        Assert.Contains(AlertPipe.InputTemplate, document);
    }

    [Fact]
    public void TheMatcherIsARealMatcher()
    {
        var pattern = JsonNode.Parse("""{ "a": ["x", 5], "b": { "c": [{ "prefix": "AL" }] }, "d": [{ "exists": false }] }""")!;

        Assert.True(EventPattern.Matches(pattern, JsonNode.Parse("""{ "a": "x", "b": { "c": "ALERT" } }""")));
        Assert.True(EventPattern.Matches(pattern, JsonNode.Parse("""{ "a": 5, "b": { "c": ["no", "ALso"] } }""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{ "a": "y", "b": { "c": "ALERT" } }""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{ "a": "x", "b": { "c": "alert" } }""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{ "a": "x", "b": "ALERT" }""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{ "a": "x", "b": { "c": "ALERT" }, "d": 1 }""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{ "b": { "c": "ALERT" } }""")));
        Assert.Throws<NotSupportedException>(() => EventPattern.Matches(JsonNode.Parse("""{ "a": [{ "suffix": "x" }] }""")!, JsonNode.Parse("""{ "a": "x" }""")));
    }

    private static JsonNode Pattern => JsonNode.Parse(AlertPipe.FilterPattern)!;

    private async Task<BudgetAlert> RecordedAlertAsync()
    {
        await factory.Budgets().SaveAsync(factory.DefaultUserId, new BudgetSettings(Web.Expenses.Money.FromRupees(10_000), BudgetPeriod.CalendarMonth, 0));
        await factory.AddAsync(Expense.Costing(10_250));
        return Assert.Single(await factory.AlertsOfAsync());
    }

    /// <summary>A DynamoDB stream record as the Pipe receives it, with the item as its keys and new image.</summary>
    private static JsonObject StreamRecord(string eventName, Dictionary<string, AttributeValue> item, bool withNewImage = true)
    {
        var image = new JsonObject();
        foreach (var (name, value) in item)
        {
            image[name] = value.N is { } number ? new JsonObject { ["N"] = number } : new JsonObject { ["S"] = value.S };
        }

        var dynamodb = new JsonObject
        {
            ["ApproximateCreationDateTime"] = 1_794_717_000,
            ["Keys"] = new JsonObject { ["PK"] = image["PK"]!.DeepClone(), ["SK"] = image["SK"]!.DeepClone() },
            ["SequenceNumber"] = "4421584500000000017450439091",
            ["SizeBytes"] = 412,
            ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
        };
        if (withNewImage)
        {
            dynamodb["NewImage"] = image;
        }
        else
        {
            dynamodb["OldImage"] = image;
        }

        return new JsonObject
        {
            ["eventID"] = "c81e728d9d4c2f636f067f89cc14862c",
            ["eventName"] = eventName,
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "ap-south-1",
            ["dynamodb"] = dynamodb,
            ["eventSourceARN"] = "arn:aws:dynamodb:ap-south-1:123456789012:table/expenses/stream/2026-11-15T06:30:00.000",
        };
    }

    /// <summary>Fills the &lt;$.path&gt; placeholders of a Pipe input template from the event, as the Pipe does for text.</summary>
    private static string Render(string template, JsonNode @event) =>
        Placeholder().Replace(template, match => match.Groups[1].Value.Split('.').Aggregate(@event, (node, name) => node[name]!).GetValue<string>());

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ExpenseTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with ExpenseTracker.sln) was not found.");
    }

    [GeneratedRegex(@"<\$\.([A-Za-z0-9_.]+)>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"```json\s*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonCodeBlock();
}
