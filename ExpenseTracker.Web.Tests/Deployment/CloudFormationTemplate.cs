using System.Text.RegularExpressions;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>template.yaml as plain values, with the look-ups the contract tests need.</summary>
public sealed partial class CloudFormationTemplate(IReadOnlyDictionary<string, object?> root)
{
    public static CloudFormationTemplate Load() => new(CloudFormationYaml.Parse(File.ReadAllText(Repository.PathOf("template.yaml"))));

    public IReadOnlyDictionary<string, object?> Root => root;

    public IReadOnlyDictionary<string, object?> Parameters => root.Map("Parameters");

    public IReadOnlyDictionary<string, object?> Resources => root.Map("Resources");

    public IReadOnlyDictionary<string, object?> Outputs => root.Map("Outputs");

    public IReadOnlyDictionary<string, object?> Properties(string resource) => Resources.Map(resource).Map("Properties");

    public string TypeOf(string resource) => Resources.Map(resource).Text("Type");

    public IEnumerable<string> ResourcesOfType(string type) =>
        Resources.Where(entry => entry.Value.Map().Text("Type") == type).Select(entry => entry.Key);

    public string Single(string type) => Assert.Single(ResourcesOfType(type));

    /// <summary>The function's environment as the app would see it, with parameters filled in (defaults unless given).</summary>
    public IReadOnlyDictionary<string, string> Environment(string function, IReadOnlyDictionary<string, string>? parameters = null) =>
        Properties(function).Map("Environment").Map("Variables")
            .ToDictionary(entry => entry.Key, entry => Evaluate(entry.Value, parameters));

    /// <summary>
    /// A value with Ref/Sub of parameters resolved, and resource references given in <paramref name="parameters"/>
    /// ("Table", "ReceiptBucket", "KeyRingKey.Arn"); others stay as ${Name} or ${Name.Attribute}.
    /// </summary>
    public string Evaluate(object? value, IReadOnlyDictionary<string, string>? parameters = null)
    {
        string Lookup(string name) =>
            parameters?.GetValueOrDefault(name)
            ?? (Parameters.TryGetValue(name, out var parameter) && parameter.Map().TryGetValue("Default", out var fallback) ? fallback?.ToString() : null)
            ?? "${" + name + "}";

        return value switch
        {
            string text => text,
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("Ref", out var name) => Lookup((string)name!),
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("Fn::GetAtt", out var target) => Lookup(string.Join('.', target.Items())),
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("Fn::Sub", out var text) && text is string pattern =>
                SubstitutionPattern().Replace(pattern, match => Lookup(match.Groups["name"].Value)),
            _ => throw new InvalidDataException($"Cannot evaluate {value}."),
        };
    }

    /// <summary>Every parameter or resource a value refers to through Ref, GetAtt or Sub (with the attribute, if any).</summary>
    public static IEnumerable<(string Name, string? Attribute)> References(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map when map.Count == 1 && map.TryGetValue("Ref", out var name) => [((string)name!, null)],
        IReadOnlyDictionary<string, object?> map when map.Count == 1 && map.TryGetValue("Fn::GetAtt", out var target) =>
            [((string)target.Items()[0]!, string.Join('.', target.Items().Skip(1)))],
        IReadOnlyDictionary<string, object?> map when map.Count == 1 && map.TryGetValue("Fn::Sub", out var sub) =>
            SubReferences(sub),
        IReadOnlyDictionary<string, object?> map => map.Values.SelectMany(References),
        IReadOnlyList<object?> list => list.SelectMany(References),
        _ => [],
    };

    private static IEnumerable<(string, string?)> SubReferences(object? sub)
    {
        var (pattern, variables) = sub is string text ? (text, null) : ((string)sub.Items()[0]!, sub.Items()[1].Map());
        foreach (Match match in SubstitutionPattern().Matches(pattern))
        {
            var parts = match.Groups["name"].Value.Split('.', 2);
            if (variables?.ContainsKey(parts[0]) != true)
            {
                yield return (parts[0], parts.Length > 1 ? parts[1] : null);
            }
        }

        foreach (var reference in References(variables?.Values.ToList()))
        {
            yield return reference;
        }
    }

    /// <summary>Every IAM policy statement anywhere in the template (roles, inline policies, bucket policies).</summary>
    public IEnumerable<(string Resource, IReadOnlyDictionary<string, object?> Statement)> PolicyStatements() =>
        Resources.SelectMany(resource => Statements(resource.Value).Select(statement => (resource.Key, statement)));

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Statements(object? node) => node switch
    {
        IReadOnlyDictionary<string, object?> map when map.TryGetValue("Statement", out var statements) =>
            (statements is IReadOnlyList<object?> list ? list : [statements]).Select(statement => statement.Map()),
        IReadOnlyDictionary<string, object?> map => map.Values.SelectMany(Statements),
        IReadOnlyList<object?> list => list.SelectMany(Statements),
        _ => [],
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9:._]+)\}")]
    private static partial Regex SubstitutionPattern();
}

/// <summary>Reading plain YAML values without casts in every test.</summary>
public static class YamlValues
{
    public static IReadOnlyDictionary<string, object?> Map(this object? node) =>
        node as IReadOnlyDictionary<string, object?> ?? throw new InvalidDataException($"Expected a mapping, found {node ?? "nothing"}.");

    public static IReadOnlyDictionary<string, object?> Map(this object? node, string key) =>
        node.Map().TryGetValue(key, out var child) ? child.Map() : throw new KeyNotFoundException($"No '{key}' here.");

    public static IReadOnlyList<object?> Items(this object? node) =>
        node as IReadOnlyList<object?> ?? throw new InvalidDataException($"Expected a list, found {node ?? "nothing"}.");

    public static IReadOnlyList<object?> Items(this object? node, string key) =>
        node.Map().TryGetValue(key, out var child) ? child.Items() : throw new KeyNotFoundException($"No '{key}' here.");

    public static string Text(this object? node, string key) =>
        node.Map().TryGetValue(key, out var child) && child is string text ? text : throw new KeyNotFoundException($"No text '{key}' here.");

    /// <summary>A value that may be one item or a list of them, as IAM's Action and Resource are.</summary>
    public static IReadOnlyList<object?> OneOrMany(this object? node) => node as IReadOnlyList<object?> ?? [node];
}
