using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// Reads a CloudFormation/SAM template into plain values: string-keyed dictionaries, lists and strings.
/// Short-form intrinsics (!Ref, !GetAtt, !Sub, !Join, !Select, !If ...) become their long form
/// ({"Ref": ...}, {"Fn::GetAtt": [...]}), so a test reads both spellings the same way.
/// </summary>
public static class CloudFormationYaml
{
    public static IReadOnlyDictionary<string, object?> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNodeTypeResolver(new IntrinsicTagResolver())
            .WithNodeDeserializer(new IntrinsicDeserializer())
            .Build();
        var root = deserializer.Deserialize<object?>(yaml);
        return Normalize(root) as IReadOnlyDictionary<string, object?>
            ?? throw new InvalidDataException("A template is a mapping at the top.");
    }

    /// <summary>The long-form name of a short-form tag.</summary>
    public static string LongName(string tag) => tag switch
    {
        "Ref" or "Condition" => tag,
        _ => "Fn::" + tag,
    };

    private static object? Normalize(object? value) => value switch
    {
        IDictionary<object, object?> map => map.ToDictionary(entry => (string)entry.Key, entry => Normalize(entry.Value)) as IReadOnlyDictionary<string, object?>,
        IList<object?> list => list.Select(Normalize).ToList() as IReadOnlyList<object?>,
        _ => value,
    };

    /// <summary>Marks a tagged node as an intrinsic instead of failing on an unknown tag.</summary>
    private sealed class IntrinsicTagResolver : INodeTypeResolver
    {
        public bool Resolve(NodeEvent? nodeEvent, ref Type currentType)
        {
            if (nodeEvent is { Tag.IsEmpty: false } && nodeEvent.Tag.Value.StartsWith('!'))
            {
                currentType = typeof(Intrinsic);
                return true;
            }

            return false;
        }
    }

    private sealed class Intrinsic;

    /// <summary>Reads the tagged node's content (itself possibly holding tags) and wraps it in the long form.</summary>
    private sealed class IntrinsicDeserializer : INodeDeserializer
    {
        public bool Deserialize(
            IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
        {
            if (expectedType != typeof(Intrinsic))
            {
                value = null;
                return false;
            }

            var node = reader.Current as NodeEvent ?? throw new YamlException("An intrinsic tag must sit on a node.");
            var tag = node.Tag.Value[1..];
            object? argument;
            switch (node)
            {
                case Scalar scalar:
                    reader.MoveNext();
                    argument = tag == "GetAtt" ? scalar.Value.Split('.', 2).Cast<object?>().ToList() : scalar.Value;
                    break;
                case SequenceStart:
                    reader.MoveNext();
                    var items = new List<object?>();
                    while (!reader.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(nestedObjectDeserializer(reader, typeof(object)));
                    }

                    argument = items;
                    break;
                case MappingStart:
                    reader.MoveNext();
                    var entries = new Dictionary<object, object?>();
                    while (!reader.TryConsume<MappingEnd>(out _))
                    {
                        var key = nestedObjectDeserializer(reader, typeof(object))!;
                        entries[key] = nestedObjectDeserializer(reader, typeof(object));
                    }

                    argument = entries;
                    break;
                default:
                    throw new YamlException(node.Start, node.End, $"Cannot read the !{tag} node.");
            }

            value = new Dictionary<object, object?> { [LongName(tag)] = argument };
            return true;
        }
    }
}
