namespace ExpenseTracker.Web.Tests.Deployment;

public class CloudFormationYamlTests
{
    [Fact]
    public void ShortFormIntrinsicsReadTheSameAsTheirLongForm()
    {
        const string shortForm = """
            A: !Ref Table
            B: !GetAtt Table.StreamArn
            C: !Sub "${Bucket.Arn}/static/*"
            D: !Join [",", [!Ref X, !Select [0, !GetAZs ""]]]
            E: !If [IsProd, !Ref Big, small]
            F: !Sub
              - "${Name}-x"
              - Name: !Ref AWS::StackName
            """;
        const string longForm = """
            A: { Ref: Table }
            B: { "Fn::GetAtt": [Table, StreamArn] }
            C: { "Fn::Sub": "${Bucket.Arn}/static/*" }
            D: { "Fn::Join": [",", [{ Ref: X }, { "Fn::Select": ["0", { "Fn::GetAZs": "" }] }]] }
            E: { "Fn::If": [IsProd, { Ref: Big }, small] }
            F: { "Fn::Sub": ["${Name}-x", { Name: { Ref: "AWS::StackName" } }] }
            """;

        var parsed = CloudFormationYaml.Parse(shortForm);

        Assert.Equal(Flatten(CloudFormationYaml.Parse(longForm)), Flatten(parsed));
    }

    [Fact]
    public void ReferencesFindRefsGetAttsAndSubstitutionsButNotSubVariables()
    {
        var parsed = CloudFormationYaml.Parse("""
            A: !Sub ["${Name}-${Table.Arn}-${AWS::Region}", { Name: !Ref Prefix }]
            B: [!GetAtt Queue.Arn]
            """);

        var references = CloudFormationTemplate.References(parsed).ToList();

        Assert.Equal([("Table", "Arn"), ("AWS::Region", null), ("Prefix", null), ("Queue", "Arn")], references);
    }

    /// <summary>A canonical text of nested values, so that two parses compare by content.</summary>
    private static string Flatten(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Key + ":" + Flatten(entry.Value))) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(",", list.Select(Flatten)) + "]",
        _ => $"'{value}'",
    };
}
