using System.Text.Json.Nodes;
using ExpenseTracker.Web.Alerts;

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
